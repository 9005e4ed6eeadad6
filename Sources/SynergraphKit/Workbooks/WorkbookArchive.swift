import Foundation
import ZIPFoundation

/// The zip archive of an `.xlsx` workbook (Office Open XML, ECMA-376 Part 2), read with ZIPFoundation
/// part by part, every part inflating in chunks straight into the XML parser, with the limits of
/// ``WorkbookLimits`` counted on the bytes actually inflated (a zip bomb's headers lie about sizes).
///
/// What is not a workbook Synergraph reads is refused before any XML is parsed, each with what to do:
/// an old binary `.xls` and a password-protected workbook (both OLE compound files: encryption wraps
/// the whole `.xlsx` in one), a binary `.xlsb`, an OpenDocument `.ods`, a damaged archive, an archive with
/// encrypted entries.
final class WorkbookArchive {
    let file: String
    let limits: WorkbookLimits
    private let archive: Archive
    private var inflatedTotal = 0

    /// Why a file is not a workbook: the error to report.
    struct Refusal: Error {
        var diagnostic: Diagnostic
    }

    /// Opens the workbook at `url`; `file` is its name in messages.
    init(url: URL, file: String, limits: WorkbookLimits) throws(Refusal) {
        self.file = file
        self.limits = limits
        let head: [UInt8]
        if let handle = FileHandle(forReadingAtPath: url.path) {
            head = [UInt8](handle.readData(ofLength: 8))
            try? handle.close()
        } else {
            throw Refusal(diagnostic: Diagnostic(.error, .unreadable, at: FileLocation(file: file), "cannot open the file"))
        }
        if let refusal = Self.sniff(head: head, url: url, file: file) { throw Refusal(diagnostic: refusal) }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw Refusal(diagnostic: Diagnostic(.error, .unreadable, at: FileLocation(file: file),
                                                 "the file is not a readable zip archive, so not an .xlsx workbook (it may be damaged or cut short); open it in Excel or LibreOffice and save it again as .xlsx"))
        }
        if archive["xl/workbook.bin"] != nil {
            throw Refusal(diagnostic: Diagnostic(.error, .unreadable, at: FileLocation(file: file),
                                                 "this is a binary Excel workbook (.xlsb), which Synergraph does not read; open it in Excel and save it as .xlsx (Excel Workbook)"))
        }
        if let mime = archive["mimetype"], mime.uncompressedSize < 200,
           let text = try? Self.small(archive, mime), text.contains("opendocument.spreadsheet") {
            throw Refusal(diagnostic: Diagnostic(.error, .unreadable, at: FileLocation(file: file),
                                                 "this is an OpenDocument spreadsheet (.ods), which Synergraph does not read; in LibreOffice choose File > Save As and the type Excel 2007-365 (.xlsx)"))
        }
    }

    /// What the first bytes say: an OLE compound file (an `.xls`, or an encrypted `.xlsx`), or no zip at all.
    static func sniff(head: [UInt8], url: URL, file: String) -> Diagnostic? {
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // Encryption (ECMA-376 Part 2 / MS-OFFCRYPTO) stores the encrypted package as the stream
            // "EncryptedPackage" of a compound file; its name is in the directory, in UTF-16.
            let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if let data = try? Data(contentsOf: url, options: .alwaysMapped), Self.contains(data, marker) {
                return Diagnostic(.error, .unreadable, at: FileLocation(file: file),
                                  "the workbook is password-protected (encrypted), so its sheets cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, empty) and save it as .xlsx")
            }
            return Diagnostic(.error, .unreadable, at: FileLocation(file: file),
                              "this is an old binary Excel workbook (.xls, Excel 97-2003), whatever its name says; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)")
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            let what = head.isEmpty ? "the file is empty" : "the file is not a zip archive"
            return Diagnostic(.error, .unreadable, at: FileLocation(file: file),
                              "\(what), so not an .xlsx workbook; save the workbook as .xlsx (Excel Workbook), or give a network in another form")
        }
        return nil
    }

    private static func contains(_ data: Data, _ needle: [UInt8]) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            guard b.count >= needle.count else { return false }
            var i = 0
            while i <= b.count - needle.count {
                if b[i] == needle[0] {
                    var k = 1
                    while k < needle.count, b[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    private static func small(_ archive: Archive, _ entry: Entry) throws -> String {
        var out = Data()
        _ = try archive.extract(entry, skipCRC32: true) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the archive has a part at this path (no leading `/`).
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// Streams a part through an XML reader; false after logging why (the part is missing, too large,
    /// malformed, or refused by the reader).
    ///
    /// - Parameter name: how messages name the part (`sheet 'ties'`).
    func streamXML(_ path: String, name: String, log: inout DiagnosticLog, textless: Set<String> = [],
                   opened: @escaping (XMLNode, [XMLNode]) -> XMLStep, closed: @escaping (XMLNode, [XMLNode]) -> XMLStep) -> Bool {
        guard let entry = archive[path] else {
            log.error(.unreadable, FileLocation(file: file),
                      "the workbook has no part \(path) (\(name)), which it names; it is damaged: open it in Excel or LibreOffice and save it again as .xlsx")
            return false
        }
        let where_ = "\(file) (\(path))"
        let feed = XMLChunkFeed(file: where_, textless: textless, opened: opened, closed: closed)
        var inflated = 0
        let compressed = max(1, Int(clamping: entry.compressedSize))
        let limits = self.limits
        let startTotal = inflatedTotal
        struct Stop: Error {}
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                inflated += chunk.count
                if inflated > limits.maximumPartBytes || startTotal + inflated > limits.maximumTotalBytes {
                    let total = startTotal + inflated > limits.maximumTotalBytes
                    feed.abandon(Diagnostic(.error, .tooLarge, at: FileLocation(file: self.file),
                                            total
                                            ? "the workbook's parts inflate to more than \(limits.maximumTotalBytes >> 20) MB together (the limit); if it is a genuine register, raise the limit with --max-workbook-mb"
                                            : "\(name) (\(path)) inflates to more than \(limits.maximumPartBytes >> 20) MB (the limit for one part); if it is a genuine register, raise the limit with --max-workbook-mb"))
                    throw Stop()
                }
                if inflated > limits.ratioFloorBytes, inflated / compressed > limits.maximumCompressionRatio {
                    feed.abandon(Diagnostic(.error, .tooLarge, at: FileLocation(file: self.file),
                                            "\(name) (\(path)) inflates more than \(limits.maximumCompressionRatio) times its compressed size (\(compressed) bytes), as a zip bomb does; a real sheet inflates 5 to 50 times. If the workbook is genuine, raise the limit with --max-compression-ratio"))
                    throw Stop()
                }
                if !feed.feed(chunk) { throw Stop() }
            }
        } catch is Stop {
        } catch {
            feed.abandon(Diagnostic(.error, .unreadable, at: FileLocation(file: file),
                                    "\(name) (\(path)) cannot be inflated (\(error)); the workbook is damaged or its entries are encrypted: open it in Excel or LibreOffice and save it again as .xlsx without a password"))
        }
        inflatedTotal += inflated
        return feed.finish(log: &log)
    }
}
