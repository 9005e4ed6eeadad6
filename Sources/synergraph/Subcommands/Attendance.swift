import ArgumentParser
import Foundation
import SynergraphKit

extension Synergraph {
    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Match an attendance list's organisations and people to the register; with --write, add the participation.",
            discussion: """
                The list is a CSV or an .xlsx workbook (first sheet, or --sheet) whose header names its columns in \
                any words (name, organisation/organization/agency/institution, country, e-mail, role); the mapping \
                is shown and --column FIELD=HEADER overrides it. Each organisation is matched by id, name, acronym, \
                local-script name, then normalised and by words with a score, the country agreeing. By default \
                nothing is written: the report lists matched, ambiguous (candidates with scores) and unmatched rows \
                (a proposed new actor). --write appends the participation rows and the new actors (marked for \
                review in source_ref) and writes the network back atomically; a rerun adds nothing twice. People \
                who are not experts of the register are not stored. See Docs/workbooks.md.
                """
        )

        @Argument(help: "The attendance list: a .csv or .xlsx file.")
        var list: String

        @Option(help: "The network to match against (a folder, .json or .xlsx register).")
        var network: String

        @Option(help: "The activity the list is for (its id in the activities table).")
        var activity: String

        @Option(help: "The sheet of an .xlsx list to read (default: the first).")
        var sheet: String?

        @Option(name: .customLong("column"), help: ArgumentHelp("Which header holds a field: person, organisation, country, email or role (e.g. --column organisation=Agency).", valueName: "FIELD=HEADER"))
        var columns: [String] = []

        @Option(name: .customLong("match"), help: ArgumentHelp("Settle an ambiguous or wrong match: the organisation's text as in the list, and the actor id to use.", valueName: "TEXT=ID"))
        var matches: [String] = []

        @Flag(help: "Append the participation rows and new actors to the network (default: report only).")
        var write = false

        @OptionGroup var reading: ReadOptions

        func validate() throws {
            try reading.check(input: network)
            for c in columns {
                let parts = c.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, AttendanceColumns.Field(rawValue: parts[0].lowercased()) != nil else {
                    throw ValidationError("--column '\(c)' must be FIELD=HEADER with FIELD one of person, organisation, country, email, role.")
                }
            }
            for m in matches where !m.contains("=") { throw ValidationError("--match '\(m)' must be TEXT=ID.") }
            if write, NetworkUpdate.writableForm(network) == nil {
                throw ValidationError("--write updates the network in place; '\(network)' is not a folder, .json or .xlsx network (convert it first).")
            }
        }

        func run() throws {
            let loaded: LoadedNetwork
            let attendance: AttendanceList
            do {
                loaded = try NetworkLoader.load(path: network, options: reading.loadOptions)
                attendance = try AttendanceList.read(path: list, sheet: sheet, limits: reading.workbookLimits)
            } catch {
                Terminal.error(error.description)
                throw ExitCode(1)
            }
            let register = loaded.network
            guard register.activityIndex[activity] != nil else {
                Terminal.error("activity '\(activity)' is not in the activities table of \(network); add it first (id, name, date)")
                throw ExitCode(1)
            }
            var mapping = AttendanceColumns.guess(attendance.header)
            for c in columns {
                let parts = c.split(separator: "=", maxSplits: 1).map(String.init)
                if !mapping.set(AttendanceColumns.Field(rawValue: parts[0].lowercased())!, header: parts[1], in: attendance.header) {
                    Terminal.error("--column \(c): the list has no column '\(parts[1])'; its columns are \(attendance.header.map { "'\($0)'" }.joined(separator: ", "))")
                    throw ExitCode(1)
                }
            }
            guard mapping.columns[.organisation] != nil else {
                Terminal.error("no column of \(list) names the organisation (its columns are \(attendance.header.map { "'\($0)'" }.joined(separator: ", "))); say which with --column organisation=HEADER")
                throw ExitCode(1)
            }
            var resolve: [String: String] = [:]
            for m in matches {
                let parts = m.split(separator: "=", maxSplits: 1).map(String.init)
                guard register.nodeIndex[parts[1]] != nil else {
                    Terminal.error("--match \(m): no actor '\(parts[1])' in \(network)")
                    throw ExitCode(1)
                }
                resolve[parts[0]] = parts[1]
            }
            let result = AttendanceImport(list: attendance, columns: mapping, network: register, activity: activity, resolve: resolve)
            print(result.text(header: attendance.header, network: register), terminator: "")
            guard write else {
                print("Nothing written (report only); add --write to append the participation rows and the new actors.")
                return
            }
            let (updated, added, actors) = result.applied(to: register)
            if added == 0, actors == 0 {
                print("Nothing to add: the network already has every row.")
                return
            }
            do { try NetworkUpdate.write(updated, to: network) } catch {
                Terminal.error("\(error)")
                throw ExitCode(1)
            }
            print("Wrote \(network): \(added) participation rows and \(actors) new actors (marked 'to review' in source_ref).")
        }
    }
}
