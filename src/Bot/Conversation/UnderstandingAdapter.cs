using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>Carries <see cref="MessageUnderstanding"/>'s result into the turn's <see cref="PlannedAction"/>s (the form pending dialogues keep).</summary>
public sealed class UnderstandingAdapter(MessageUnderstanding understanding) : IMessageUnderstanding
{
    public IReadOnlyList<PlannedAction> Understand(string text, User sender, DateTimeOffset now) =>
        [.. understanding.Understand(text, sender, now).Actions.Select(a => ToPlanned(a, text))];

    public string? SmallTalk(string text) => understanding.SmallTalkOf(text);

    public IReadOnlyList<int> FindOrganizations(string text) =>
        understanding.Index.FindMentions(TextNormalizer.Normalize(text)).FirstOrDefault(m => !m.IsGeneric) switch
        {
            { Organization: { } one } => [one.Id],
            { Candidates.Count: > 0 } ambiguous => [.. ambiguous.Candidates.Select(c => c.Id)],
            _ => [],
        };

    public static PlannedAction ToPlanned(UnderstoodAction action, string text)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new PlannedAction
        {
            Kind = Kind(action.Kind),
            Organization = action.Organization,
            OrganizationId = action.OrganizationId,
            Candidates = [.. action.Candidates.Select(c => c.Id)],
            Date = action.Date,
            Count = action.Count,
            Categories = action.Categories,
            Method = action.Method,
            JointMode = action.JointMode,
            Level = action.Level,
            Members = action.Members,
            Secretary = action.Secretary,
            Units = action.Units ?? [],
            UnitIds = action.UnitIds ?? [],
            Measure = action.Measure,
            Person = action.Person,
            Employees = action.Employees,
            PartyMembers = action.PartyMembers,
            Status = action.Status,
            OrgType = action.OrgType,
            Scope = action.Scope,
            Metric = action.Metric?.ToString().ToLowerInvariant(),
            Text = action.Question ?? text,
        };
    }

    private static string Kind(ActionKind kind) => kind switch
    {
        ActionKind.Visit => ActionKinds.Visit,
        ActionKind.MemberDiscovery => ActionKinds.MemberDiscovery,
        ActionKind.Formation => ActionKinds.Formation,
        ActionKind.WorkCoverage => ActionKinds.WorkCoverage,
        ActionKind.OrgUpdate => ActionKinds.OrgUpdate,
        ActionKind.Pairing => ActionKinds.Pairing,
        ActionKind.FormationAdvice => ActionKinds.FormationAdvice,
        ActionKind.PolicyQuestion => ActionKinds.PolicyQuestion,
        ActionKind.ProgressQuery => ActionKinds.ProgressQuery,
        ActionKind.OrgLookup => ActionKinds.OrgLookup,
        ActionKind.Export => ActionKinds.Export,
        ActionKind.Undo => ActionKinds.Undo,
        _ => ActionKinds.Help,
    };
}
