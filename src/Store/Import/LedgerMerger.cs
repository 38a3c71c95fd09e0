using InstructorBot.Store.Domain;
using InstructorBot.Store.Storage;

namespace InstructorBot.Store.Import;

/// <summary>
/// Applies checked ledger rows inside the writer's transaction: a row updates the organisation with its credit code,
/// else the one with its exact name, else adds one. Unchanged rows write nothing, so importing twice changes nothing.
/// </summary>
internal static class LedgerMerger
{
    /// <summary>Above this many updates the audit entry keeps counts only (a LiteDB document is at most 16 MB).</summary>
    private const int AuditDetailLimit = 500;

    public static ImportReport Merge(WriteContext context, IReadOnlyList<LedgerRow> rows, string actor, DateTimeOffset now)
    {
        var existing = context.Data.AllOrganizations();
        var byCode = new Dictionary<string, Organization>(StringComparer.Ordinal);
        var byName = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var organization in existing)
        {
            if (organization.CreditCode is { Length: > 0 } code)
            {
                byCode.TryAdd(code, organization);
            }

            byName.TryAdd(organization.Name, organization);
        }

        // Plan first, so a conflict refuses the file before anything is written.
        var plan = new List<(LedgerRow Row, Organization? Match)>(rows.Count);
        var claimed = new Dictionary<int, int>();
        var errors = new List<ImportError>();
        foreach (var row in rows)
        {
            var match = (row.Organization.CreditCode is { } code ? byCode.GetValueOrDefault(code) : null)
                        ?? byName.GetValueOrDefault(row.Organization.Name);
            if (match is not null && !claimed.TryAdd(match.Id, row.Line))
            {
                errors.Add(new ImportError(row.Line, "单位名称", $"与第{claimed[match.Id]}行指向台账中的同一单位（{match.Name}）"));
            }

            if (match is null && row.Organization.CreditCode is null && byName.ContainsKey(row.Organization.Name))
            {
                errors.Add(new ImportError(row.Line, "单位名称", "与台账中已有单位重名"));
            }

            plan.Add((row, match));
        }

        if (errors.Count > 0)
        {
            return ImportReport.Refused(errors);
        }

        // Decided row by row here, written set by set: one bulk insert and one bulk update (PostgreSQL: binary COPY).
        var added = new List<Organization>();
        var updates = new List<Organization>();
        int unchanged = 0;
        var before = new List<Organization>();
        var after = new List<Organization>();
        foreach (var (row, match) in plan)
        {
            if (match is null)
            {
                added.Add(row.Organization with { UpdatedAt = now });
                continue;
            }

            var merged = MergeInto(match, row);
            if (OrganizationEquality.Same(match, merged))
            {
                unchanged++;
                continue;
            }

            updates.Add(merged with { UpdatedAt = now });
            if (updates.Count <= AuditDetailLimit)
            {
                before.Add(match);
                after.Add(updates[^1]);
            }
        }

        context.InsertAll(added);
        context.UpdateAll(updates);
        var updated = updates.Count;
        if (added.Count + updated > 0)
        {
            context.Append(new AuditEntry
            {
                Actor = actor,
                At = now,
                Action = "import_ledger",
                Summary = $"新增 {added.Count}、更新 {updated}、未变 {unchanged}",
                Before = updated <= AuditDetailLimit ? before : [],
                After = updated <= AuditDetailLimit ? after : [],
            });
        }

        return new ImportReport(added.Count, updated, unchanged, []);
    }

    /// <summary>The file's columns replace the organisation's; columns the file lacks keep what the store has.</summary>
    private static Organization MergeInto(Organization existing, LedgerRow row)
    {
        var o = row.Organization;
        bool Has(LedgerColumn column) => row.Present.Contains(column);
        T Pick<T>(LedgerColumn column, T given, T kept) => Has(column) ? given : kept;
        return existing with
        {
            SerialNumber = Pick(LedgerColumn.SerialNumber, o.SerialNumber, existing.SerialNumber),
            Name = o.Name,
            CreditCode = o.CreditCode ?? existing.CreditCode,
            Type = Pick(LedgerColumn.Type, o.Type, existing.Type),
            Industry = Pick(LedgerColumn.Industry, o.Industry, existing.Industry),
            District = o.District,
            Street = o.Street,
            Community = Pick(LedgerColumn.Community, o.Community, existing.Community),
            Park = Pick(LedgerColumn.Park, o.Park, existing.Park),
            Employees = Pick(LedgerColumn.Employees, o.Employees, existing.Employees),
            PartyMembers = Pick(LedgerColumn.PartyMembers, o.PartyMembers, existing.PartyMembers),
            PartyOrganization = Has(LedgerColumn.PartyOrganizationStatus)
                ? MergeParty(existing.PartyOrganization, o.PartyOrganization, row.Present)
                : existing.PartyOrganization,
            Instructor = Pick(LedgerColumn.Instructor, o.Instructor, existing.Instructor),
            Investor = Pick(LedgerColumn.Investor, o.Investor, existing.Investor),
            Status = Pick(LedgerColumn.OperatingStatus, o.Status, existing.Status),
            Facts = new FiveClearFacts
            {
                Operation = Pick(LedgerColumn.Operation, o.Facts.Operation, existing.Facts.Operation),
                Workforce = Pick(LedgerColumn.Workforce, o.Facts.Workforce, existing.Facts.Workforce),
                PartyMembers = Pick(LedgerColumn.PartyMemberFacts, o.Facts.PartyMembers, existing.Facts.PartyMembers),
                Investor = Pick(LedgerColumn.InvestorFacts, o.Facts.Investor, existing.Facts.Investor),
                UnformedReason = Pick(LedgerColumn.UnformedReason, o.Facts.UnformedReason, existing.Facts.UnformedReason),
            },
        };
    }

    /// <summary>Same kind in store and file: keep what the bot recorded (joint formation, members) and take the file's named fields.</summary>
    private static PartyOrganization MergeParty(PartyOrganization existing, PartyOrganization given, IReadOnlySet<LedgerColumn> present)
    {
        if (given.Kind == PartyOrganizationKind.None || existing.Kind != given.Kind)
        {
            return given;
        }

        return existing with
        {
            Level = present.Contains(LedgerColumn.PartyOrganizationLevel) ? given.Level : existing.Level,
            Secretary = present.Contains(LedgerColumn.Secretary) ? given.Secretary : existing.Secretary,
            FormedOn = present.Contains(LedgerColumn.FormedOn) ? given.FormedOn : existing.FormedOn,
        };
    }
}
