/*
 * The floor Tally's reading is measured against (issue 15; docs/performance.md): a minimal C
 * program that reads a rank-column CSV (a header row, then one ballot per row of candidate
 * names, blank cells after the last) into integer rankings and counts first preferences, and,
 * with "merge", also merges identical rankings in a hash table, as Tally's profile does. No
 * quoting, no irregular ballots, no errors: the least any reader must do.
 *
 *   cc -O2 -o parse_floor parse_floor.c && ./parse_floor FILE [merge]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CANDIDATES 64
#define MAX_NAME 128

static char names[MAX_CANDIDATES][MAX_NAME];
static size_t name_lengths[MAX_CANDIDATES];
static int candidates = 0;

static int lookup(const char *start, size_t length) {
    for (int i = 0; i < candidates; i++)
        if (name_lengths[i] == length && memcmp(names[i], start, length) == 0) return i;
    if (candidates == MAX_CANDIDATES || length >= MAX_NAME) { fprintf(stderr, "too many or too long names\n"); exit(2); }
    memcpy(names[candidates], start, length);
    name_lengths[candidates] = length;
    return candidates++;
}

/* Open-addressing table of rankings packed 5 bits a position (up to 12 positions, 30 candidates). */
static uint64_t *keys;
static uint64_t *counts;
static size_t capacity = 1 << 21;
static size_t distinct = 0;

static void merge(uint64_t key) {
    size_t slot = (size_t)(key * 0x9E3779B97F4A7C15ull) & (capacity - 1);
    while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & (capacity - 1);
    if (keys[slot] == 0) { keys[slot] = key; distinct++; }
    counts[slot]++;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: parse_floor FILE [merge]\n"); return 2; }
    int merging = argc > 2 && strcmp(argv[2], "merge") == 0;
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, file) != (size_t)size) { perror("read"); return 1; }
    fclose(file);
    text[size] = '\n';
    if (merging) { keys = calloc(capacity, sizeof *keys); counts = calloc(capacity, sizeof *counts); }
    long first[MAX_CANDIDATES] = {0};
    long ballots = 0;
    char *p = memchr(text, '\n', (size_t)size) + 1; /* skip the header */
    char *end = text + size;
    while (p < end) {
        uint64_t key = 0;
        int position = 0;
        for (;;) {
            char *cell = p;
            while (*p != ',' && *p != '\n' && *p != '\r') p++;
            if (p > cell) {
                int candidate = lookup(cell, (size_t)(p - cell));
                if (position == 0) first[candidate]++;
                if (position < 12) key |= (uint64_t)(candidate + 1) << (5 * position);
                position++;
            }
            if (*p == ',') { p++; continue; }
            if (*p == '\r') p++;
            p++;
            break;
        }
        if (position > 0) { ballots++; if (merging) merge(key); }
    }
    long total = 0;
    for (int i = 0; i < candidates; i++) total += first[i];
    printf("%ld ballots, %d candidates, %ld first preferences", ballots, candidates, total);
    if (merging) printf(", %zu distinct rankings", distinct);
    printf("\n");
    return 0;
}
