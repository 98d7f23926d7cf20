/// Why a file or record was refused, in words a school office reads: the reason codes of the
/// quarantine file and the manifest (`gzip_truncated`, …) are for operators and stay there.
/// A code without words here is said as "another error" with the code in brackets.
enum ReasonWords {
    static func words(_ code: String, language: ReportLanguage) -> String {
        let nb = language == .bokmal
        if let pair = table[code] { return nb ? pair.0 : pair.1 }
        return nb ? "annen feil (\(code))" : "another error (\(code))"
    }

    private static let table: [String: (String, String)] = [
        "io_error": ("filen kunne ikke leses", "the file could not be read"),
        "not_a_regular_file": ("ikke en vanlig fil (mappe, lenke eller enhet)", "not a regular file (a folder, link or device)"),
        "file_unreadable": ("filen kunne ikke åpnes (tilgang)", "the file could not be opened (permissions)"),
        "empty_file": ("filen er tom", "the file is empty"),
        "gzip_truncated": ("filen er avkortet: den komprimerte filen slutter for tidlig", "the file is cut short: the compressed file ends too early"),
        "gzip_corrupt": ("den komprimerte filen er skadet", "the compressed file is damaged"),
        "gzip_too_large": ("filen pakker seg ut til mer enn grensen tillater", "the file unpacks to more than the limit allows"),
        "invalid_encoding": ("filen har ugyldige tegn (feil tegnkoding)", "the file has invalid characters (wrong encoding)"),
        "nul_byte": ("filen inneholder ugyldige nulltegn", "the file contains invalid NUL characters"),
        "xml_malformed": ("XML-filen er ikke velformet", "the XML file is malformed"),
        "xml_doctype_refused": ("XML-filen har en DOCTYPE, som av sikkerhetsgrunner ikke godtas", "the XML file has a DOCTYPE, refused for safety"),
        "xml_too_deep": ("XML-filen er nestet for dypt", "the XML file is nested too deeply"),
        "xml_wrong_root": ("XML-filen er ikke en eksport av forventet type", "the XML file is not an export of the expected kind"),
        "record_path_matches_nothing": ("ingen saker funnet der eksportformatet skal ha dem", "no cases found where the export format puts them"),
        "xml_value_too_large": ("en verdi i XML-filen er for stor", "a value in the XML file is too large"),
        "csv_unbalanced_quote": ("CSV-filen har et anførselstegn som ikke er lukket", "the CSV file has an unclosed quote"),
        "csv_field_too_large": ("et felt i CSV-filen er for stort", "a field in the CSV file is too large"),
        "csv_missing_column": ("CSV-filen mangler en kolonne", "the CSV file lacks a column"),
        "csv_column_count": ("radene i CSV-filen har ulikt antall kolonner", "the CSV file's rows have different numbers of columns"),
        "csv_wrong_delimiter": ("CSV-filen bruker feil skilletegn", "the CSV file uses the wrong delimiter"),
        "missing_field": ("et påkrevd felt mangler", "a required field is missing"),
        "invalid_date": ("ugyldig dato", "an invalid date"),
        "unknown_code": ("ukjent kode", "an unknown code"),
        "invalid_number": ("ugyldig tall", "an invalid number"),
        "invalid_identity_number": ("ugyldig fødselsnummer eller D-nummer", "an invalid identity number"),
        "invalid_organisation_number": ("ugyldig organisasjonsnummer", "an invalid organisation number"),
        "event_before_knowledge": ("hendelse datert før skolen fikk kjennskap", "an event dated before the school knew"),
        "event_after_export": ("hendelse datert etter eksporten", "an event dated after the export"),
        "duplicate_case_in_file": ("samme sak to ganger i filen", "the same case twice in the file"),
        "mapping": ("filen passer ikke med eksportformatets oppsett", "the file does not fit its format's mapping"),
        "quarantined": ("filen ble satt til side", "the file was set aside"),
    ]
}
