# Text processing on str: generated sentences, word counts, case and
# replace, slicing, run-length coding, a Caesar cipher by translate,
# a tokenizer walking characters, and formatting of a report.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "an", "el", "or", "us"]


def make_text(nwords, seed):
    words = []
    for _ in range(nwords):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        n = 1 + (seed >> 16) % 4
        w = ""
        for _ in range(n):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            w += SYLLABLES[(seed >> 16) % len(SYLLABLES)]
        if (seed >> 8) % 11 == 0:
            w = w.capitalize()
        words.append(w)
    lines = []
    for i in range(0, len(words), 12):
        lines.append(" ".join(words[i:i + 12]) + ".")
    return "\n".join(lines)


def word_counts(text):
    counts = {}
    for line in text.splitlines():
        for w in line.rstrip(".").split():
            w = w.lower()
            counts[w] = counts.get(w, 0) + 1
    return counts


def rle(s):
    out = []
    i = 0
    n = len(s)
    while i < n:
        j = i
        while j < n and s[j] == s[i]:
            j += 1
        out.append(s[i] + str(j - i) if j - i > 1 else s[i])
        i = j
    return "".join(out)


def caesar(text, k):
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    table = str.maketrans(lower + upper, lower[k:] + lower[:k] + upper[k:] + upper[:k])
    return text.translate(table)


def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(("num", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        else:
            tokens.append(("op", c))
            i += 1
    return tokens


def compounds(words):
    # Words that split into two other words at a syllable boundary.
    return sorted(w for w in words if any(w[:i] in words and w[i:] in words for i in range(2, len(w) - 1, 2)))


def main():
    text = make_text(80000, 7)
    print("chars", len(text), "lines", text.count("\n") + 1)
    counts = word_counts(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    print("distinct", len(counts))
    for w, c in top:
        print(f"  {w:<12}{c:>6} {c / len(counts):8.3f}")
    swapped = text.replace("ka", "KA").replace("or", "_")
    print("replaced", swapped.count("KA"), swapped.count("_"), swapped[:60])
    starts = sum(1 for w in counts if w.startswith("mi"))
    ends = sum(1 for w in counts if w.endswith("us"))
    print("starts mi", starts, "ends us", ends)
    enc = caesar(text, 3)
    print("caesar", enc[:50], caesar(enc, 23) == text)
    runs = rle("".join(sorted(text[:20000].replace("\n", " "))))
    print("rle", len(runs), runs[:70])
    code = " ".join("x%d = (y_%d + %d) * z - %d // 7" % (i, i % 13, i * 31, i) for i in range(3000))
    toks = tokenize(code)
    kinds = {}
    for k, v in toks:
        kinds[k] = kinds.get(k, 0) + 1
    print("tokens", len(toks), sorted(kinds.items()), toks[:6])
    comp = compounds(counts)
    print("compounds", len(comp), comp[:6], comp[-3:])
    upper = [w.upper() for w in counts if "a" in w]
    print("upper", len(upper), max(upper), min(upper), "|".join(sorted(upper)[:5]))
    title = " ".join(w.title() for w in text[:200].split())
    print(title)
    width = max(len(w) for w in counts)
    table = "\n".join(f"{w.center(width, '.')}|{c:04d}" for w, c in sorted(counts.items())[:5])
    print(table)


main()
