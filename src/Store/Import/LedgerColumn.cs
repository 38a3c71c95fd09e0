namespace InstructorBot.Store.Import;

/// <summary>The ledger's columns, each by its canonical header and the variants the 排查 spreadsheets use.</summary>
internal enum LedgerColumn
{
    SerialNumber,
    Name,
    CreditCode,
    Type,
    Industry,
    District,
    Street,
    Community,
    Park,
    Employees,
    PartyMembers,
    PartyOrganizationStatus,
    PartyOrganizationLevel,
    Secretary,
    FormedOn,
    Instructor,
    Investor,
    OperatingStatus,
    Operation,
    Workforce,
    PartyMemberFacts,
    InvestorFacts,
    UnformedReason,
}
