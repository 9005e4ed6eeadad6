/// Countries the office's networks name: ISO 3166-1 alpha-3 code, short English name (UN style) and
/// UN M49 sub-region (UN Statistics Division, "Standard country or area codes for statistical use",
/// as published in 2024). Written out by hand for Asia and the Pacific, Eastern Africa and the usual
/// partner countries; a code not listed here is still valid data, shown by its code, with no region.
public enum Countries {
    public struct Entry: Sendable, Equatable {
        public let code: String
        public let name: String
        /// UN M49 sub-region, e.g. "South-eastern Asia".
        public let region: String
    }

    /// The entry for an alpha-3 code.
    public static func entry(_ code: String) -> Entry? { table[code] }

    /// The country's name, or the code itself when the table does not list it.
    public static func name(_ code: String) -> String { table[code]?.name ?? code }

    /// The M49 sub-region, or nil.
    public static func region(_ code: String) -> String? { table[code]?.region }

    /// The code of a country given as a code (`npl`, `NPL`) or a name in this table (`Nepal`, any case,
    /// accents and punctuation ignored); nil for anything else.
    public static func code(for text: String) -> String? {
        let up = text.trimmingCharacters(in: .whitespaces).uppercased()
        if table[up] != nil { return up }
        let key = OrganisationNames.normalised(text)
        return byName[key]
    }

    private static let byName: [String: String] = {
        var t: [String: String] = [:]
        for row in rows { t[OrganisationNames.normalised(row.1)] = row.0 }
        return t
    }()

    private static let table: [String: Entry] = {
        var t: [String: Entry] = [:]
        for row in rows { t[row.0] = Entry(code: row.0, name: row.1, region: row.2) }
        return t
    }()

    private static let rows: [(String, String, String)] = [
        ("AFG", "Afghanistan", "Southern Asia"),
        ("BGD", "Bangladesh", "Southern Asia"),
        ("BTN", "Bhutan", "Southern Asia"),
        ("IND", "India", "Southern Asia"),
        ("IRN", "Iran", "Southern Asia"),
        ("MDV", "Maldives", "Southern Asia"),
        ("NPL", "Nepal", "Southern Asia"),
        ("PAK", "Pakistan", "Southern Asia"),
        ("LKA", "Sri Lanka", "Southern Asia"),
        ("BRN", "Brunei Darussalam", "South-eastern Asia"),
        ("KHM", "Cambodia", "South-eastern Asia"),
        ("IDN", "Indonesia", "South-eastern Asia"),
        ("LAO", "Lao PDR", "South-eastern Asia"),
        ("MYS", "Malaysia", "South-eastern Asia"),
        ("MMR", "Myanmar", "South-eastern Asia"),
        ("PHL", "Philippines", "South-eastern Asia"),
        ("SGP", "Singapore", "South-eastern Asia"),
        ("THA", "Thailand", "South-eastern Asia"),
        ("TLS", "Timor-Leste", "South-eastern Asia"),
        ("VNM", "Viet Nam", "South-eastern Asia"),
        ("CHN", "China", "Eastern Asia"),
        ("HKG", "Hong Kong, China", "Eastern Asia"),
        ("JPN", "Japan", "Eastern Asia"),
        ("KOR", "Republic of Korea", "Eastern Asia"),
        ("PRK", "DPR Korea", "Eastern Asia"),
        ("MNG", "Mongolia", "Eastern Asia"),
        ("KAZ", "Kazakhstan", "Central Asia"),
        ("KGZ", "Kyrgyzstan", "Central Asia"),
        ("TJK", "Tajikistan", "Central Asia"),
        ("TKM", "Turkmenistan", "Central Asia"),
        ("UZB", "Uzbekistan", "Central Asia"),
        ("ARM", "Armenia", "Western Asia"),
        ("AZE", "Azerbaijan", "Western Asia"),
        ("GEO", "Georgia", "Western Asia"),
        ("TUR", "Türkiye", "Western Asia"),
        ("ARE", "United Arab Emirates", "Western Asia"),
        ("SAU", "Saudi Arabia", "Western Asia"),
        ("QAT", "Qatar", "Western Asia"),
        ("JOR", "Jordan", "Western Asia"),
        ("AUS", "Australia", "Australia and New Zealand"),
        ("NZL", "New Zealand", "Australia and New Zealand"),
        ("FJI", "Fiji", "Melanesia"),
        ("PNG", "Papua New Guinea", "Melanesia"),
        ("SLB", "Solomon Islands", "Melanesia"),
        ("VUT", "Vanuatu", "Melanesia"),
        ("FSM", "Micronesia", "Micronesia"),
        ("KIR", "Kiribati", "Micronesia"),
        ("MHL", "Marshall Islands", "Micronesia"),
        ("NRU", "Nauru", "Micronesia"),
        ("PLW", "Palau", "Micronesia"),
        ("WSM", "Samoa", "Polynesia"),
        ("TON", "Tonga", "Polynesia"),
        ("TUV", "Tuvalu", "Polynesia"),
        ("COK", "Cook Islands", "Polynesia"),
        ("NIU", "Niue", "Polynesia"),
        ("BDI", "Burundi", "Eastern Africa"),
        ("COM", "Comoros", "Eastern Africa"),
        ("DJI", "Djibouti", "Eastern Africa"),
        ("ERI", "Eritrea", "Eastern Africa"),
        ("ETH", "Ethiopia", "Eastern Africa"),
        ("KEN", "Kenya", "Eastern Africa"),
        ("MDG", "Madagascar", "Eastern Africa"),
        ("MWI", "Malawi", "Eastern Africa"),
        ("MUS", "Mauritius", "Eastern Africa"),
        ("MOZ", "Mozambique", "Eastern Africa"),
        ("RWA", "Rwanda", "Eastern Africa"),
        ("SYC", "Seychelles", "Eastern Africa"),
        ("SOM", "Somalia", "Eastern Africa"),
        ("SSD", "South Sudan", "Eastern Africa"),
        ("UGA", "Uganda", "Eastern Africa"),
        ("TZA", "United Republic of Tanzania", "Eastern Africa"),
        ("ZMB", "Zambia", "Eastern Africa"),
        ("ZWE", "Zimbabwe", "Eastern Africa"),
        ("EGY", "Egypt", "Northern Africa"),
        ("MAR", "Morocco", "Northern Africa"),
        ("TUN", "Tunisia", "Northern Africa"),
        ("SDN", "Sudan", "Northern Africa"),
        ("ZAF", "South Africa", "Southern Africa"),
        ("BWA", "Botswana", "Southern Africa"),
        ("NGA", "Nigeria", "Western Africa"),
        ("GHA", "Ghana", "Western Africa"),
        ("SEN", "Senegal", "Western Africa"),
        ("USA", "United States", "Northern America"),
        ("CAN", "Canada", "Northern America"),
        ("BRA", "Brazil", "South America"),
        ("MEX", "Mexico", "Central America"),
        ("GBR", "United Kingdom", "Northern Europe"),
        ("SWE", "Sweden", "Northern Europe"),
        ("NOR", "Norway", "Northern Europe"),
        ("DNK", "Denmark", "Northern Europe"),
        ("FIN", "Finland", "Northern Europe"),
        ("IRL", "Ireland", "Northern Europe"),
        ("EST", "Estonia", "Northern Europe"),
        ("FRA", "France", "Western Europe"),
        ("DEU", "Germany", "Western Europe"),
        ("NLD", "Netherlands", "Western Europe"),
        ("BEL", "Belgium", "Western Europe"),
        ("CHE", "Switzerland", "Western Europe"),
        ("AUT", "Austria", "Western Europe"),
        ("ITA", "Italy", "Southern Europe"),
        ("ESP", "Spain", "Southern Europe"),
        ("PRT", "Portugal", "Southern Europe"),
        ("POL", "Poland", "Eastern Europe"),
        ("RUS", "Russian Federation", "Eastern Europe"),
    ]
}
