/// A whole report page: one self-contained XHTML document with its style sheet inline, no
/// scripts, fonts or images from elsewhere, and no date or time (the same record gives the same
/// bytes).
public enum HTMLPage {
    /// The document titled `title`, its body written by `body`.
    public static func document(title: String, body: (inout HTMLText) -> Void) -> String {
        var page = HTMLText()
        page.trusted("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        page.trusted("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        page.element("title", title)
        page.trusted("<style>")
        page.trusted(style)
        page.trusted("</style></head>\n<body>")
        page.element("main", body: body)
        page.element("footer", body: { footer in
            footer.text("Made by Tally from the count record alone: every figure here is the record's. ")
            footer.text("The same ballots and options give the same document.")
        })
        page.trusted("</body></html>\n")
        return page.markup
    }

    /// Screen and print: A4, wide tables already split into blocks that fit the page, charts
    /// never broken across pages, colours that stay apart in greyscale.
    static let style: StaticString = """
    :root{--ink:#1a1a1a;--muted:#555;--rule:#c8c8c8;--band:#f3f3f3;--accent:#1f3b73}
    *{box-sizing:border-box}
    body{margin:0;color:var(--ink);background:#fff;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    main{max-width:720px;margin:0 auto;padding:24px 16px}
    footer{max-width:720px;margin:0 auto;padding:8px 16px 32px;color:var(--muted);font-size:12px;border-top:1px solid var(--rule)}
    h1{font-size:26px;line-height:1.2;margin:0 0 6px}
    h2{font-size:19px;margin:28px 0 8px;padding-bottom:3px;border-bottom:2px solid var(--accent)}
    h3{font-size:16px;margin:20px 0 6px}
    p{margin:6px 0}
    .subtitle{color:var(--muted);margin:0 0 14px}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0;font-size:14px}
    dl.facts dt{color:var(--muted)}
    dl.facts dd{margin:0}
    .declaration{border-left:4px solid var(--accent);padding:6px 12px;background:var(--band);margin:12px 0}
    .summary{font-size:16px;background:var(--band);padding:10px 14px;border-radius:4px}
    .summary p{margin:4px 0}
    .warning{border-left:4px solid #b2182b;padding:4px 10px;background:#fbeaea}
    table{border-collapse:collapse;margin:8px 0 14px;font-size:13px;max-width:100%}
    caption{text-align:left;font-weight:600;padding:2px 0 4px}
    th,td{padding:3px 7px;border-bottom:1px solid var(--rule);vertical-align:top}
    th{text-align:left;background:var(--band);font-weight:600}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    td.num{white-space:nowrap}
    table.stages{font-size:12px}
    table.stages th.stage{text-align:center;font-weight:600;white-space:normal;min-width:9em;max-width:13em}
    table.stages td.name,table.stages th.name{max-width:13em;overflow-wrap:anywhere}
    table.stages tr.account td{background:#fafafa}
    tr.elected td.name{font-weight:600}
    .mark-elected{font-weight:700}
    ol.notes li,ul.plain li{margin:3px 0}
    figure{margin:12px 0 18px;break-inside:avoid;page-break-inside:avoid}
    figcaption{font-size:13px;color:var(--muted);margin-top:4px}
    svg{display:block;max-width:100%;height:auto}
    svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
    .key{font-size:13px;color:var(--muted)}
    .key-item{white-space:nowrap}
    nav.contents{font-size:13px;margin:6px 0 4px;color:var(--muted)}
    nav.contents a{color:var(--accent)}
    @media print{nav.contents{display:none}}
    .swatch{display:inline-block;width:11px;height:11px;margin:0 4px 0 10px;vertical-align:-1px;border:1px solid #333}
    @page{size:A4;margin:14mm 12mm}
    @media print{
      body{font-size:11pt}
      main,footer{max-width:none;padding:0}
      h2,h3,h4{break-after:avoid;page-break-after:avoid;break-inside:avoid}
      h2::after,h3::after,h4::after{content:"";display:block;height:220px;margin-bottom:-220px}
      table{break-inside:auto}
      thead{display:table-header-group}
      tr,figure,.stage-block{break-inside:avoid;page-break-inside:avoid}
      .summary,.declaration{background:none;border:1px solid var(--rule)}
    }
    """
}
