import Foundation

/// Organisation and person names reduced to what identifies them, and how alike two names are: the
/// shared ground of attendance matching (``AttendanceMatcher``) and duplicate finding (``LikelyDuplicates``).
///
/// Normalisation: lower case; accents and other diacritics removed (`Ānanda` → `ananda`); every
/// character that is not a letter or digit (punctuation, dashes of every kind, `&`) a space; the words
/// *the, of, for, and, on, in, de, du, des, la, le, et* left out; blanks collapsed. Scripts other than
/// Latin are kept as they are (`행정안전부`).
public enum OrganisationNames {
    static let stopWords: Set<String> = ["the", "of", "for", "and", "on", "in", "at", "de", "du", "des", "la", "le", "et", "a", "an"]
    /// Titles dropped from people's names.
    static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "prof", "professor", "h", "e", "he", "hon", "sir", "madam", "mx"]

    /// The normalised form of a name (see the type's comment).
    public static func normalised(_ s: String) -> String { tokens(s).joined(separator: " ") }

    /// The words of a normalised name, stop words left out.
    public static func tokens(_ s: String) -> [String] {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var out: [String] = []
        var word = ""
        for ch in folded.unicodeScalars {
            if ch.properties.isAlphabetic || ch.properties.numericType != nil {
                word.unicodeScalars.append(ch)
            } else if !word.isEmpty {
                out.append(word)
                word = ""
            }
        }
        if !word.isEmpty { out.append(word) }
        return out.filter { !stopWords.contains($0) }
    }

    /// A person's name without titles (`Dr. Ānanda Ṛṣi` → `ananda rsi`).
    public static func personKey(_ s: String) -> String { tokens(s).filter { !titles.contains($0) }.joined(separator: " ") }

    /// The initials of a name's words (stop words left out): `United Nations Development Programme` → `undp`.
    public static func initials(_ s: String) -> String {
        String(tokens(s).compactMap { $0.first })
    }

    /// Whether two words are the same word, allowing one typing slip in words of 5 or more letters and two
    /// in words of 9 or more (Levenshtein distance).
    static func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let n = min(a.count, b.count)
        let allowed = n >= 9 ? 2 : n >= 5 ? 1 : 0
        guard allowed > 0, abs(a.count - b.count) <= allowed else { return false }
        return levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: allowed) <= allowed
    }

    /// Edit distance, stopping early past `limit`. O(|a|·|b|).
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var best = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return best }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : b.isEmpty ? a.count : previous[b.count]
    }
}
