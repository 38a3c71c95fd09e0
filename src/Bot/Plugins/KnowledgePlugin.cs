using System.ComponentModel;
using System.Text.Json;
using InstructorBot.Bot.Llm;
using InstructorBot.Knowledge;
using InstructorBot.Knowledge.Formation;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Plugins;

/// <summary>
/// The campaign documents and the formation rules as kernel functions: a thin adapter over <see cref="KnowledgeBase"/>.
/// Where the host has the optional language model (docs/llm.md), a question's answer goes past it as <c>ask</c>'s does:
/// it may only choose among retrieved sentences, and whenever it fails or is late the offline answer stands.
/// </summary>
public sealed class KnowledgePlugin(KnowledgeBase knowledge, ModelClient? model = null)
{
    private readonly ModelAnswers? answers = model is null ? null : new ModelAnswers(model, model.Options.Mode, knowledge);

    [KernelFunction("search_documents")]
    [Description("Answers a policy question from the indexed 两个覆盖 campaign documents with the sentences that answer it, each cited (document, section, quote). Answered is false when the documents hold no answer.")]
    public async Task<DocumentAnswer> SearchDocumentsAsync(
        [Description("The question in Chinese, as the user asked it.")] string question,
        CancellationToken cancellationToken = default)
    {
        var answer = knowledge.Ask(question);
        if (answers is not null)
        {
            answer = await answers.ReviewAsync(question, answer, ledgerFacts: null, cancellationToken).ConfigureAwait(false);
        }

        return new DocumentAnswer(answer.Answered, answer.Text, answer.Citations);
    }

    [KernelFunction("advise_formation")]
    [Description("Recommends how a non-public enterprise or social organisation should form its party organisation (单独组建 / 联合组建 / 功能型 / 党的工作覆盖), with the level and the cited reasons.")]
    public FormationAdvice AdviseFormation(
        [Description("Number of party members in the unit, if known.")] int? partyMembers = null,
        [Description("Number of full (正式) party members, if known.")] int? fullMembers = null,
        [Description("Number of flowing (流动) party members, if known.")] int? flowingMembers = null,
        [Description("Number of staff (职工/从业人员), if known.")] int? employees = null,
        [Description("\"enterprise\" or \"social_org\", if known.")] string? organizationType = null,
        [Description("True when the unit's staff are mainly from 机关事业单位.")] bool? mostlyPublicStaff = null,
        [Description("True when the unit is now inside a joint (联合) party organisation.")] bool? inJointOrganization = null)
    {
        var facts = new OrganizationFacts(
            Type: organizationType switch
            {
                "enterprise" => OrganizationType.Enterprise,
                "social_org" => OrganizationType.SocialOrg,
                _ => null,
            },
            Employees: employees,
            PartyMembers: partyMembers,
            FullMembers: fullMembers,
            FlowingMembers: flowingMembers,
            MostlyPublicStaff: mostlyPublicStaff,
            CurrentOrganization: inJointOrganization == true ? FormationMethod.Joint : null);
        var recommendation = knowledge.Advise(facts);
        if (recommendation is null)
        {
            return new FormationAdvice(null, null, [], [], "需要先了解该单位的党员人数，才能判断组建方式。");
        }

        return new FormationAdvice(
            Snake(recommendation.Method),
            recommendation.Level is { } level ? Snake(level) : null,
            recommendation.JointModes?.Select(m => Snake(m)).ToList() ?? [],
            recommendation.Reasons.Select(r => r.Citation is null ? r.Text : $"{r.Text}（{r.Citation.Document} {r.Citation.Section}）").ToList(),
            FormationAdvisor.Describe(recommendation));
    }

    private static string Snake<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
