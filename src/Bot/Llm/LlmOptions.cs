using System.Globalization;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// The optional language model (configuration section <c>Llm</c>, docs/llm.md): an OpenAI-compatible endpoint such as
/// vLLM, Ollama or Xinference in front of a locally deployed model. The API key comes from the environment
/// (<c>Llm__ApiKey</c>) and is never logged.
/// </summary>
public sealed class LlmOptions
{
    /// <summary>What may leave the machine: the message, its date, the question, the documents' retrieved sentences.</summary>
    public static readonly IReadOnlyList<string> Shareable = [ShareMessage, ShareDate, ShareQuestion, ShareDocuments];

    public const string ShareMessage = "message";
    public const string ShareDate = "date";
    public const string ShareQuestion = "question";
    public const string ShareDocuments = "documents";

    /// <summary>The endpoint's base address, e.g. <c>http://127.0.0.1:8000/v1</c> (requests go to <c>{Endpoint}/chat/completions</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model's name as the endpoint knows it, e.g. <c>qwen2.5-7b-instruct</c>.</summary>
    public string? Model { get; set; }

    /// <summary>The endpoint's key, if it wants one; from the environment, never from a file in the repository.</summary>
    public string? ApiKey { get; set; }

    public LlmMode Mode { get; set; } = LlmMode.Off;

    /// <summary>After this the offline reading stands; the host never waits on the model longer.</summary>
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>A reply larger than this is cut off and the offline reading stands (a model that does not stop).</summary>
    public int MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>What may leave the machine (<see cref="Shareable"/>); the model is not asked where its prompt would need more.</summary>
    public IList<string> Share { get; } = [ShareMessage, ShareDate, ShareQuestion, ShareDocuments];

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public bool Shares(string item) => Share.Contains(item, StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with these settings for the mode they ask for, in Chinese; null when none is.</summary>
    public string? Problem()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https"))
        {
            return "未配置语言模型地址 Llm:Endpoint（例如 http://127.0.0.1:8000/v1）";
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            return "未配置语言模型名称 Llm:Model";
        }

        if (TimeoutSeconds is <= 0 or > 60)
        {
            return "Llm:TimeoutSeconds 应在 0 到 60 秒之间";
        }

        var unknown = Share.FirstOrDefault(s => !Shareable.Contains(s, StringComparer.OrdinalIgnoreCase));
        return unknown is null ? null : string.Format(CultureInfo.InvariantCulture, "Llm:Share 中的 {0} 无法识别（可选 {1}）", unknown, string.Join("、", Shareable));
    }

    /// <summary>
    /// The settings from a flat lookup of <c>Llm:Key</c> names (configuration, or the command line and the environment);
    /// <c>Llm:Share</c> as a comma-separated list or indexed entries <c>Llm:Share:0</c>…. A value that does not parse is a
    /// Chinese message, not an exception.
    /// </summary>
    public static (LlmOptions Options, string? Problem) Read(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var options = new LlmOptions { Model = setting("Llm:Model"), ApiKey = setting("Llm:ApiKey") };
        if (setting("Llm:Endpoint") is { Length: > 0 } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                return (options, "Llm:Endpoint 不是有效的地址");
            }

            options.Endpoint = uri;
        }

        if (setting("Llm:Mode") is { Length: > 0 } mode)
        {
            if (!Enum.TryParse<LlmMode>(mode, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return (options, $"Llm:Mode 的值 {mode} 无法识别（可选 off、fallback、always）");
            }

            options.Mode = parsed;
        }

        if (setting("Llm:TimeoutSeconds") is { Length: > 0 } timeout)
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return (options, $"Llm:TimeoutSeconds 的值 {timeout} 不是数字");
            }

            options.TimeoutSeconds = seconds;
        }

        var share = setting("Llm:Share")?.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (share is null && setting("Llm:Share:0") is not null)
        {
            share = [];
            for (var i = 0; setting($"Llm:Share:{i}") is { } item; i++)
            {
                share.Add(item.Trim());
            }
        }

        if (share is not null)
        {
            options.Share.Clear();
            foreach (var item in share)
            {
                options.Share.Add(item);
            }
        }

        return (options, null);
    }
}
