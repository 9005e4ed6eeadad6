/// How much a workbook may hold before it is refused (Docs/workbooks.md, "Limits"). Every refusal names
/// the limit, the file and place, and the command-line flag that raises it.
///
/// The defaults are far above any partner register (the bundled network's workbook is 60 kB, a
/// 100,000-tie register 3 MB) and far below what hurts a 2-core machine with a few GB of memory.
public struct WorkbookLimits: Sendable, Equatable {
    /// The most bytes one part of the archive (a sheet's XML, the shared strings) may inflate to. Parts
    /// stream through the XML parser in chunks, so this bounds time, not memory (`--max-workbook-mb`).
    public var maximumPartBytes: Int
    /// The most bytes all parts read may inflate to together (`--max-workbook-mb`, four times the part limit).
    public var maximumTotalBytes: Int
    /// The most a part may inflate per compressed byte once it is over ``ratioFloorBytes``: a zip bomb
    /// inflates a thousand times (deflate's most); real sheets 5 to 30 times, a sheet of a million empty
    /// styled rows as LibreOffice writes them 45 times (`--max-compression-ratio`). Apache POI refuses 100.
    public var maximumCompressionRatio: Int
    /// Parts smaller than this are not held to the ratio (tiny parts compress very well).
    public var ratioFloorBytes: Int
    /// The most rows with values a sheet may hold (`--max-rows`). Empty rows (styled or not) do not count.
    public var maximumRows: Int
    /// The most shared strings (`--max-rows` covers them: ten per row).
    public var maximumSharedStrings: Int { maximumRows * 10 }

    public init(maximumPartBytes: Int = 512 << 20, maximumTotalBytes: Int? = nil, maximumCompressionRatio: Int = 200,
                ratioFloorBytes: Int = 1 << 20, maximumRows: Int = 1_048_576) {
        self.maximumPartBytes = maximumPartBytes
        self.maximumTotalBytes = maximumTotalBytes ?? maximumPartBytes * 4
        self.maximumCompressionRatio = maximumCompressionRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maximumRows = maximumRows
    }
}
