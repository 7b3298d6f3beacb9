import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An HTML report parsed as XML (FoundationXML's parser): parsing at all proves it well formed.
/// Elements with their attributes and text, for tests to read tables and charts from.
final class XHTMLTree: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// Every element below this one (itself included) named `name`, in document order.
        func all(_ name: String) -> [Element] {
            (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
        }

        /// The text of this element and everything in it.
        var content: String { text + children.map(\.content).joined() }
    }

    private var stack: [Element] = [Element(name: "#document", attributes: [:])]
    private(set) var error: String?

    /// The parsed document, or nil with `error` set when it is not well formed.
    static func parse(_ markup: String) -> (root: Element?, error: String?) {
        let tree = XHTMLTree()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = tree
        let ok = parser.parse()
        if !ok {
            return (nil, "line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "not well formed")")
        }
        return (tree.stack.first, nil)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = Element(name: name, attributes: attributes)
        stack.last!.children.append(element)
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Text after a child element is kept in order by giving it a text node of its own.
        let current = stack.last!
        if current.children.isEmpty { current.text += string } else {
            let node = Element(name: "#text", attributes: [:])
            node.text = string
            current.children.append(node)
        }
    }
}
