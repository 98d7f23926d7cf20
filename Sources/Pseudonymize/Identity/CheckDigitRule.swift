/// The check-digit rules an identity number can satisfy.
///
/// Source: Skatteetaten, "Nytt fødselsnummer fra 2032" (Folkeregisteret API documentation,
/// github.com/Skatteetaten/folkeregisteret-api-dokumentasjon, `nyttfnr2032.md`). With
/// S = 3·d1 + 7·d2 + 6·m1 + 1·m2 + 8·å1 + 9·å2 + 4·i1 + 5·i2 + 2·i3, the original rule is
/// K1 = 11 − (S mod 11), i.e. (S + K1) mod 11 = 0; numbers (fødselsnumre and D-numbers)
/// issued from 1 January 2032 may have K1 = {11, 12, 13, 14} − (S mod 11), i.e.
/// (S + K1) mod 11 ∈ {0, 1, 2, 3}, so K1 has up to four valid values. A K1 of 10 is
/// impossible (one digit) under both. K2 is unchanged: the classic mod-11 digit with
/// weights 5 4 3 2 7 6 5 4 3 2 over the first ten digits (remainder 1 → invalid).
/// The issue date cannot be read from a number, so a number passing either rule is valid;
/// the 2032 rule accepts everything the original one does.
public enum CheckDigitRule: String, Sendable, Hashable {
    /// (S + K1) mod 11 = 0: every number issued before 2032 and some issued after.
    case original
    /// (S + K1) mod 11 ∈ {1, 2, 3}: admissible only under the rule from 2032.
    case from2032
}
