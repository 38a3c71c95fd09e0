namespace InstructorBot.Bot.Conversation;

/// <summary>The action kinds of the CLI contract (§understand).</summary>
public static class ActionKinds
{
    public const string Visit = "visit";
    public const string MemberDiscovery = "member_discovery";
    public const string Formation = "formation";
    public const string WorkCoverage = "work_coverage";
    public const string OrgUpdate = "org_update";
    public const string Pairing = "pairing";
    public const string FormationAdvice = "formation_advice";
    public const string PolicyQuestion = "policy_question";
    public const string ProgressQuery = "progress_query";
    public const string OrgLookup = "org_lookup";
    public const string Export = "export";
    public const string Undo = "undo";
    public const string Help = "help";

    /// <summary>Kinds that write a record (and so need write permission for the organisation).</summary>
    public static readonly IReadOnlySet<string> Recording =
        new HashSet<string>([Visit, MemberDiscovery, Formation, WorkCoverage, OrgUpdate, Pairing], StringComparer.Ordinal);
}
