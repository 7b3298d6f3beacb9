/*
 * The floor Tally's reading is measured against (issue 15; docs/performance.md): a minimal C
 * program that reads a ballot CSV into integer rankings and counts first preferences, and, with
 * "merge", also merges identical rankings in a hash table, as Tally's profile does. Two layouts,
 * as Tally reads them:
 *   - rank columns (the header's first cell starts "rank"): candidate names in the cells, blank
 *     cells after the last; names are looked up in a hash table of the names seen;
 *   - candidate columns (any other header): a rank number or nothing under each candidate;
 *     columns named "voter id" or "id" are skipped.
 * No quoting, no irregular ballots, no errors: the least any reader must do.
 *
 *   cc -O2 -o parse_floor parse_floor.c && ./parse_floor FILE [merge]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CANDIDATES 1024
#define MAX_COLUMNS 1024
#define MAX_NAME 128
#define NAME_SLOTS 4096

static char names[MAX_CANDIDATES][MAX_NAME];
static size_t name_lengths[MAX_CANDIDATES];
static int candidates = 0;
static int name_slots[NAME_SLOTS]; /* candidate + 1, 0 empty */

static uint32_t hash_bytes(const char *start, size_t length) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < length; i++) h = (h ^ (unsigned char)start[i]) * 16777619u;
    return h;
}

static int lookup(const char *start, size_t length) {
    uint32_t slot = hash_bytes(start, length) & (NAME_SLOTS - 1);
    while (name_slots[slot] != 0) {
        int i = name_slots[slot] - 1;
        if (name_lengths[i] == length && memcmp(names[i], start, length) == 0) return i;
        slot = (slot + 1) & (NAME_SLOTS - 1);
    }
    if (candidates == MAX_CANDIDATES || length >= MAX_NAME) { fprintf(stderr, "too many or too long names\n"); exit(2); }
    memcpy(names[candidates], start, length);
    name_lengths[candidates] = length;
    name_slots[slot] = candidates + 1;
    return candidates++;
}

/* Merging: an open-addressing table of rankings. A ranking of at most 16 positions of at most
 * 15 candidates is packed 4 bits a position into its 64-bit key; a longer one is stored in an
 * arena and found by its hash. */
static uint64_t *keys;     /* packed key, or hash | 1 for a stored ranking; 0 empty */
static uint32_t *entries;  /* stored ranking's arena offset + 1 (0: packed) */
static uint64_t *counts;
static size_t capacity = 1 << 22;
static size_t distinct = 0;
static uint16_t *arena;
static size_t arena_used = 0, arena_capacity = 1 << 24;

static void merge(const int *ranking, int length) {
    uint64_t key = 0;
    int packed = length <= 16 && candidates <= 15;
    if (packed) {
        for (int i = 0; i < length; i++) key |= (uint64_t)(ranking[i] + 1) << (4 * i);
    } else {
        key = 1469598103934665603ull;
        for (int i = 0; i < length; i++) key = (key ^ (uint64_t)ranking[i]) * 1099511628211ull;
        key = (key ^ (uint64_t)length) | 1;
    }
    size_t slot = (size_t)(key * 0x9E3779B97F4A7C15ull >> 40) & (capacity - 1);
    for (;;) {
        if (keys[slot] == 0) break;
        if (keys[slot] == key) {
            if (packed) { counts[slot]++; return; }
            uint16_t *stored = arena + entries[slot] - 1;
            int same = stored[0] == length;
            for (int i = 0; same && i < length; i++) same = stored[i + 1] == ranking[i];
            if (same) { counts[slot]++; return; }
        }
        slot = (slot + 1) & (capacity - 1);
    }
    keys[slot] = key;
    counts[slot] = 1;
    distinct++;
    if (!packed) {
        if (arena_used + (size_t)length + 1 > arena_capacity) {
            arena_capacity *= 2;
            arena = realloc(arena, arena_capacity * sizeof *arena);
        }
        entries[slot] = (uint32_t)arena_used + 1;
        arena[arena_used++] = (uint16_t)length;
        for (int i = 0; i < length; i++) arena[arena_used++] = (uint16_t)ranking[i];
    }
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
    if (merging) {
        keys = calloc(capacity, sizeof *keys);
        entries = calloc(capacity, sizeof *entries);
        counts = calloc(capacity, sizeof *counts);
        arena = malloc(arena_capacity * sizeof *arena);
    }
    char *p = text, *end = text + size;
    /* The header: which column is which candidate (-1: skipped). */
    int column_candidate[MAX_COLUMNS];
    int columns = 0;
    int rank_columns = strncmp(p, "rank", 4) == 0;
    for (;;) {
        char *cell = p;
        while (*p != ',' && *p != '\n' && *p != '\r') p++;
        size_t length = (size_t)(p - cell);
        int skipped = (length == 8 && memcmp(cell, "voter id", 8) == 0) || (length == 2 && memcmp(cell, "id", 2) == 0);
        if (columns == MAX_COLUMNS) { fprintf(stderr, "too many columns\n"); return 2; }
        column_candidate[columns++] = rank_columns || skipped ? -1 : lookup(cell, length);
        if (*p == ',') { p++; continue; }
        if (*p == '\r') p++;
        p++;
        break;
    }
    long first[MAX_CANDIDATES] = {0};
    int ranking[MAX_COLUMNS];
    long ballots = 0;
    while (p < end) {
        int length = 0;
        for (int column = 0;; column++) {
            char *cell = p;
            while (*p != ',' && *p != '\n' && *p != '\r') p++;
            if (p > cell && column < columns) {
                if (rank_columns) {
                    ranking[length++] = lookup(cell, (size_t)(p - cell));
                } else if (column_candidate[column] >= 0) {
                    int rank = 0;
                    for (char *digit = cell; digit < p; digit++) rank = rank * 10 + (*digit - '0');
                    if (rank >= 1 && rank <= columns) {
                        ranking[rank - 1] = column_candidate[column];
                        if (rank > length) length = rank;
                    }
                }
            }
            if (*p == ',') { p++; continue; }
            if (*p == '\r') p++;
            p++;
            break;
        }
        if (length > 0) {
            ballots++;
            first[ranking[0]]++;
            if (merging) merge(ranking, length);
        }
    }
    long total = 0;
    for (int i = 0; i < candidates; i++) total += first[i];
    printf("%ld ballots, %d candidates, %ld first preferences", ballots, candidates, total);
    if (merging) printf(", %zu distinct rankings", distinct);
    printf("\n");
    return 0;
}
