using System.Globalization;
using System.Text;
using InstructorBot.Knowledge;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Search;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// The language model's help with a question for the documents, kept extractive (issue 17, docs/llm.md): the model is shown
/// the question and numbered sentences retrieved from the indexed documents, and may only choose some of them by number,
/// rephrase the question for retrieval, or say none answers. Every quote is a retrieved sentence checked against its
/// passage's text; the model writes no words of the answer. Advice (a recommendation) stays the rules'. Whenever the
/// model fails, is late or gives nothing usable, the offline answer stands.
/// </summary>
public sealed class ModelAnswers(ModelClient client, LlmMode mode, KnowledgeBase knowledge)
{
    public const string Purpose = "ask";

    /// <summary>Passages retrieved for the model to choose from, and sentences shown at most.</summary>
    private const int Passages = 5;
    private const int MaxSentences = 24;
    private const int MaxChosen = 3;

    private const string Instructions = """
        你帮助回答关于两新组织党建“两个覆盖”工作的政策问题，但只能从给出的文件句子中选择，不能自己写答案。
        如果某些句子回答了问题，调用 choose_sentences，给出这些句子的编号（最多3个，最相关的在前）；
        如果这些句子都不相关、但换一种说法检索可能找到，调用 rephrase_question 给出改写后的问题；
        如果文件句子里没有答案，调用 no_answer。
        """;

    private static readonly Lazy<Kernel> Choices = new(BuildChoices);

    /// <summary>The answer to use: the model's choice among retrieved sentences where it is valid, else <paramref name="offline"/>.</summary>
    public async Task<Answer> ReviewAsync(string question, Answer offline, OrganizationFacts? ledgerFacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(offline);
        var consult = offline.Recommendation is null && (mode == LlmMode.Always || (mode == LlmMode.Fallback && !offline.Answered));
        if (!consult || question.Trim().Length == 0)
        {
            return offline;
        }

        if (!client.Options.Shares(LlmOptions.ShareQuestion) || !client.Options.Shares(LlmOptions.ShareDocuments))
        {
            client.AuditNotAsked(Purpose);
            return offline;
        }

        knowledge.EnsureCorpus();
        var sentences = Candidates(knowledge.Index.Search([question], Passages));
        if (sentences.Count == 0)
        {
            return offline;
        }

        var reply = await client.CallAsync(Prompt(question, sentences), Choices.Value, cancellationToken).ConfigureAwait(false);
        if (reply.Outcome != ModelOutcome.Used)
        {
            client.Audit(Purpose, reply, reply.Outcome, 0);
            return offline;
        }

        var answer = reply.Calls.Count == 0 ? null : Read(reply.Calls[0], sentences, question, ledgerFacts);
        client.Audit(Purpose, reply, answer is null ? ModelOutcome.Rejected : ModelOutcome.Used, answer is null ? reply.Calls.Count : reply.Calls.Count - 1);
        return answer ?? offline;
    }

    private Answer? Read(RecordedCall call, IReadOnlyList<Candidate> sentences, string question, OrganizationFacts? ledgerFacts)
    {
        switch (call.Function)
        {
            case "no_answer":
                return new Answer(false, AskService.NoAnswer, [], null);
            case "rephrase_question" when call.Text("question") is { Length: > 0 } rephrased && rephrased != question:
                // Retrieval only: the answer is the offline answer to the rephrased question, quoted from the documents.
                return knowledge.Ask(rephrased, ledgerFacts) is { Answered: true, Recommendation: null } found ? found : null;
            case "choose_sentences" when call.Value("indices") is { ValueKind: System.Text.Json.JsonValueKind.Array } indices:
                var chosen = new List<Candidate>();
                foreach (var index in indices.EnumerateArray())
                {
                    if (!index.TryGetInt32(out var i) || i < 0 || i >= sentences.Count)
                    {
                        return null;
                    }

                    if (!chosen.Contains(sentences[i]))
                    {
                        chosen.Add(sentences[i]);
                    }
                }

                // Each quote is checked against its passage's own text: the model can point at a sentence, never write one.
                if (chosen.Count is 0 or > MaxChosen || chosen.Any(c => !c.Passage.Text.Contains(c.Sentence, StringComparison.Ordinal)))
                {
                    return null;
                }

                return new Answer(
                    true,
                    string.Join('\n', chosen.Select(c => c.Sentence)),
                    [.. chosen.Select(c => new Citation(c.Passage.DocumentTitle, c.Passage.Section, c.Sentence))],
                    null);
            default:
                return null;
        }
    }

    /// <summary>The retrieved passages' sentences, in retrieval order, numbered from 0.</summary>
    internal static List<Candidate> Candidates(IReadOnlyList<PassageHit> passages)
    {
        var sentences = new List<Candidate>();
        foreach (var passage in passages)
        {
            var start = 0;
            for (var i = 0; i <= passage.Text.Length && sentences.Count < MaxSentences; i++)
            {
                if (i < passage.Text.Length && passage.Text[i] is not ('。' or '！' or '？' or '；' or '\n'))
                {
                    continue;
                }

                var end = i < passage.Text.Length && passage.Text[i] != '\n' ? i + 1 : i;
                var sentence = passage.Text[start..end].Trim();
                if (sentence.Length >= 4)
                {
                    sentences.Add(new Candidate(passage, sentence));
                }

                start = Math.Min(i + 1, passage.Text.Length);
            }
        }

        return sentences;
    }

    internal static ChatHistory Prompt(string question, IReadOnlyList<Candidate> sentences)
    {
        var history = new ChatHistory(Instructions);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"问题：{question}\n文件句子：\n");
        for (var i = 0; i < sentences.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{i}] 《{sentences[i].Passage.DocumentTitle}》{sentences[i].Sentence}\n");
        }

        history.AddUserMessage(text.ToString());
        return history;
    }

    private static Kernel BuildChoices()
    {
        var kernel = new Kernel();
        kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions("answers",
        [
            Choice("choose_sentences", "Answers with the document sentences of these numbers, best first (at most 3).",
                DryRunKernel.Parameter("indices", typeof(int[]), "Numbers of the sentences that answer the question.", required: true)),
            Choice("rephrase_question", "Searches the documents again with the question said another way.",
                DryRunKernel.Parameter("question", typeof(string), "The question rephrased in Chinese.", required: true)),
            Choice("no_answer", "None of the sentences answers the question."),
        ]));
        return kernel;
    }

    private static KernelFunction Choice(string name, string description, params KernelParameterMetadata[] parameters) =>
        KernelFunctionFactory.CreateFromMethod(
            static () => "dry run: recorded, not executed",
            new KernelFunctionFromMethodOptions { FunctionName = name, Description = description, Parameters = parameters });

    /// <summary>One retrieved sentence offered to the model.</summary>
    internal sealed record Candidate(PassageHit Passage, string Sentence);
}
