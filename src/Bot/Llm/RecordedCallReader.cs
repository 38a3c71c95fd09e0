using System.Globalization;
using System.Text.Json;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// Turns a function call the model asked for into the <see cref="UnderstoodAction"/> it means, through the offline
/// components: organisation names through the ledger's <see cref="OrganizationIndex"/>, days through
/// <see cref="DateExpressions"/>, numbers through <see cref="ChineseNumber"/>. Nothing the message does not say passes: an
/// organisation must resolve to exactly one ledger organisation that the message itself names, a day must be one the
/// message names (or today when it names none), a number one the message states, a person's name words of the message.
/// A call that fails any of these is rejected whole (null), never repaired.
/// </summary>
internal sealed class RecordedCallReader
{
    private readonly OrganizationIndex index;
    private readonly string message;
    private readonly User sender;
    private readonly DateOnly today;
    private readonly HashSet<int> namedOrganizations;
    private readonly HashSet<DateOnly> namedDays;
    private readonly HashSet<int> statedNumbers;

    public RecordedCallReader(OrganizationIndex index, string normalizedMessage, User sender, DateOnly today)
    {
        this.index = index;
        message = normalizedMessage;
        this.sender = sender;
        this.today = today;
        namedOrganizations = [.. index.FindMentions(message).Where(m => !m.IsGeneric && m.Organization is not null).Select(m => m.Organization!.Id)];
        namedDays = [.. DateExpressions.Find(message, today).Select(d => d.Date)];
        statedNumbers = [];
        for (var i = 0; i < message.Length; i++)
        {
            if (ChineseNumber.TryRead(message, i, out var value, out _))
            {
                statedNumbers.Add(value);
            }
        }

        if (message.Contains("没有", StringComparison.Ordinal) || message.Contains('无'))
        {
            statedNumbers.Add(0);
        }
    }

    public UnderstoodAction? Read(RecordedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Arguments is null)
        {
            return null;
        }

        try
        {
            return call.Function switch
            {
                "record_visit" => Record(call, ActionKind.Visit),
                "record_member_discovery" => Record(call, ActionKind.MemberDiscovery) is { } a && Number(call, "count") is > 0 and var count
                    ? a with { Count = count, Categories = Categories(call) }
                    : null,
                "record_formation" => Formation(call),
                "record_work_coverage" => Record(call, ActionKind.WorkCoverage) is { } a
                    ? a with { Measure = Required<WorkCoverageMeasure>(call, "measure"), Person = Person(call, "person") }
                    : null,
                "update_organization" => Update(call),
                "record_pairing" => Record(call, ActionKind.Pairing) is { } a ? a with { Secretary = Person(call, "secretary") } : null,
                "undo_last" => new UnderstoodAction(ActionKind.Undo),
                "coverage_report" => Progress(call, ProgressMetric.Coverage),
                "unformed_list" => Progress(call, ProgressMetric.Unformed),
                "formations" => Progress(call, ProgressMetric.Formations),
                "visits" => Progress(call, ProgressMetric.Visits),
                "coverage_breakdown" => Progress(call, ProgressMetric.Coverage) with { By = Required<BreakdownLevel>(call, "by") },
                "organization_card" => Organization(call, required: true) is { } named ? new UnderstoodAction(ActionKind.OrgLookup) { Organization = named.Name, OrganizationId = named.Id } : null,
                "export_ledger" => new UnderstoodAction(ActionKind.Export) { Scope = Words(call, "scope") },
                "search_documents" => new UnderstoodAction(ActionKind.PolicyQuestion),
                "advise_formation" => Advice(call),
                _ => null,
            };
        }
        catch (RejectedCall)
        {
            return null;
        }
    }

    /// <summary>A recording action's organisation and day; null when either does not resolve.</summary>
    private UnderstoodAction? Record(RecordedCall call, ActionKind kind) =>
        Organization(call, required: true) is { } named
            ? new UnderstoodAction(kind) { Organization = named.Name, OrganizationId = named.Id, Date = Day(call.Text("date")) }
            : null;

    private UnderstoodAction? Formation(RecordedCall call)
    {
        if (Record(call, ActionKind.Formation) is not { } action)
        {
            return null;
        }

        var method = Required<FormationMethod>(call, "method");
        action = action with
        {
            Method = method,
            JointMode = Optional<JointMode>(call, "jointMode"),
            Level = Optional<PartyOrganizationLevel>(call, "level"),
            Members = Number(call, "members"),
            Secretary = Person(call, "secretary"),
        };
        if (call.Value("units") is not { ValueKind: JsonValueKind.Array } units || method != FormationMethod.Joint)
        {
            return action;
        }

        var resolved = new List<(int Id, string Name)> { (action.OrganizationId!.Value, action.Organization!) };
        foreach (var unit in units.EnumerateArray())
        {
            var named = unit.ValueKind == JsonValueKind.String ? Resolve(unit.GetString()) : null;
            if (named is null)
            {
                return null;
            }

            if (!resolved.Any(r => r.Id == named.Value.Id))
            {
                resolved.Add(named.Value);
            }
        }

        return action with { Units = [.. resolved.Select(r => r.Name)], UnitIds = [.. resolved.Select(r => (int?)r.Id)] };
    }

    private UnderstoodAction? Update(RecordedCall call)
    {
        if (Record(call, ActionKind.OrgUpdate) is not { } action)
        {
            return null;
        }

        action = action with
        {
            Employees = Number(call, "employees"),
            PartyMembers = Number(call, "partyMembers"),
            Status = Optional<OperatingStatus>(call, "status"),
        };
        return action.Employees is null && action.PartyMembers is null && action.Status is null ? null : action;
    }

    private UnderstoodAction Progress(RecordedCall call, ProgressMetric metric) => new(ActionKind.ProgressQuery)
    {
        Metric = metric,
        Scope = Words(call, "scope"),
        From = IsoDay(call.Text("from")),
        To = IsoDay(call.Text("to")),
        Person = Person(call, "person"),
    };

    private UnderstoodAction Advice(RecordedCall call)
    {
        var named = Organization(call, required: false);
        return new UnderstoodAction(ActionKind.FormationAdvice)
        {
            Organization = named?.Name,
            OrganizationId = named?.Id,
            PartyMembers = Number(call, "partyMembers"),
            Employees = Number(call, "employees"),
            OrgType = call.Text("organizationType") switch
            {
                null => null,
                "enterprise" => OrganizationType.Enterprise,
                "social_org" => OrganizationType.SocialOrganization,
                _ => throw new RejectedCall(),
            },
        };
    }

    /// <summary>The call's <c>organization</c>: one ledger organisation the message names, else a rejection (or null when not required and absent).</summary>
    private (int Id, string Name)? Organization(RecordedCall call, bool required)
    {
        var written = call.Text("organization");
        if (string.IsNullOrWhiteSpace(written))
        {
            return required ? throw new RejectedCall() : null;
        }

        return Resolve(written) ?? throw new RejectedCall();
    }

    private (int Id, string Name)? Resolve(string? written)
    {
        var mention = index.FindMentions(TextNormalizer.Normalize(written)).FirstOrDefault(m => !m.IsGeneric);
        return mention?.Organization is { } organization && namedOrganizations.Contains(organization.Id) ? (organization.Id, organization.Name) : null;
    }

    /// <summary>A day the message names (or today when it names none), read by the offline date component.</summary>
    private DateOnly Day(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return namedDays.Count switch
            {
                0 => today,
                1 => namedDays.First(),
                _ => throw new RejectedCall(),
            };
        }

        var day = DateExpressions.Find(TextNormalizer.Normalize(written), today).Select(d => (DateOnly?)d.Date).FirstOrDefault()
            ?? IsoDay(written)
            ?? throw new RejectedCall();
        return namedDays.Contains(day) || (namedDays.Count == 0 && day == today) ? day : throw new RejectedCall();
    }

    private static DateOnly? IsoDay(string? written) =>
        written is null ? null
        : DateOnly.TryParseExact(written.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new RejectedCall();

    /// <summary>A number the message states (as digits or Chinese numerals); null when absent.</summary>
    private int? Number(RecordedCall call, string name) => Stated(call.Value(name));

    private int? Stated(JsonElement? value)
    {
        int? number = value switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
            { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
            { ValueKind: JsonValueKind.String } s when ChineseNumber.TryParse(s.GetString(), out var i) => i,
            _ => throw new RejectedCall(),
        };
        return number is null || statedNumbers.Contains(number.Value) ? number : throw new RejectedCall();
    }

    private MemberCategories? Categories(RecordedCall call)
    {
        if (call.Value("categories") is not { ValueKind: JsonValueKind.Object } categories)
        {
            return null;
        }

        int Count(string name) => categories.EnumerateObject()
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(p => Stated(p.Value) ?? 0)
            .FirstOrDefault();

        var counted = new MemberCategories
        {
            Pocket = Count("pocket"),
            Hidden = Count("hidden"),
            Flowing = Count("flowing"),
            Probationary = Count("probationary"),
            Hired = Count("hired"),
        };
        return counted.IsEmpty() ? null : counted;
    }

    /// <summary>A person's name the message writes (我 is the sender); null when absent.</summary>
    private string? Person(RecordedCall call, string name) =>
        call.Text(name) switch
        {
            null or "" => null,
            "我" => sender.Name,
            var person when message.Contains(person, StringComparison.Ordinal) => person,
            _ => throw new RejectedCall(),
        };

    /// <summary>Words of the message (a scope as written); null when absent.</summary>
    private string? Words(RecordedCall call, string name) =>
        call.Text(name) switch
        {
            null or "" => null,
            var words when message.Contains(words, StringComparison.Ordinal) => words,
            _ => throw new RejectedCall(),
        };

    private static T Required<T>(RecordedCall call, string name)
        where T : struct, Enum => Optional<T>(call, name) ?? throw new RejectedCall();

    private static T? Optional<T>(RecordedCall call, string name)
        where T : struct, Enum =>
        call.Text(name) switch
        {
            null => null,
            var text when !text.Any(char.IsAsciiDigit) && Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value) => value,
            _ => throw new RejectedCall(),
        };

    /// <summary>A call that fails a check: rejected whole.</summary>
    private sealed class RejectedCall : Exception;
}
