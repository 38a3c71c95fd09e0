using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// One chat completion against the deployer's OpenAI-compatible endpoint (Semantic Kernel's OpenAI connector), offered a
/// dry-run kernel's functions with automatic invocation off: the calls the model asks for come back recorded, never run.
/// Bounded: after <see cref="LlmOptions.Timeout"/> the caller has its answer (a timeout) whatever the endpoint does, and
/// a reply past <see cref="LlmOptions.MaxResponseBytes"/> is cut off. Every call is audited without text.
/// </summary>
public sealed class ModelClient : IDisposable
{
    private readonly LlmOptions options;
    private readonly ModelAuditLog audit;
    private readonly HttpClient http;
    private readonly OpenAIChatCompletionService chat;
    private readonly TimeProvider time;

    public ModelClient(LlmOptions options, ModelAuditLog audit, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        this.options = options;
        this.audit = audit ?? throw new ArgumentNullException(nameof(audit));
        this.time = time ?? TimeProvider.System;
        // A client of our own: no retries (a retry would outlast the timeout), and the size limit. A local endpoint that
        // wants no key still gets a placeholder: the OpenAI client requires one.
        http = new HttpClient(new ResponseLimitHandler(options.MaxResponseBytes)) { Timeout = options.Timeout + TimeSpan.FromSeconds(1) };
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                Transport = new HttpClientPipelineTransport(http),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = options.Timeout,
            });
        chat = new OpenAIChatCompletionService(options.Model!, client);
    }

    public LlmOptions Options => options;

    /// <summary>Asks the model once; whatever happens, returns within the timeout (plus scheduling) with an outcome.</summary>
    public async Task<ModelReply> CallAsync(ChatHistory history, Kernel functions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(functions);
        var started = Stopwatch.GetTimestamp();
        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false),
            Temperature = 0,
            MaxTokens = 512,
        };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var request = chat.GetChatMessageContentAsync(history, settings, functions, deadline.Token);
        ModelReply reply;
        try
        {
            var message = await request.WaitAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
            var (prompt, completion) = Tokens(message);
            var calls = FunctionCallContent.GetFunctionCalls(message).Select(Record).ToList();
            reply = new ModelReply(ModelOutcome.Used, calls, prompt, completion, Elapsed(started));
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // The request may still be running (a timeout): observe its end so it never surfaces as unobserved.
            _ = request.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            reply = new ModelReply(Classify(failure), [], null, null, Elapsed(started));
        }

        return reply;
    }

    /// <summary>Writes the audit line of a call once the caller knows what became of it.</summary>
    public void Audit(string purpose, ModelReply reply, ModelOutcome outcome, int rejected)
    {
        ArgumentNullException.ThrowIfNull(reply);
        audit.Write(new ModelCallAudit(
            time.GetUtcNow(), purpose, options.Model!, outcome, reply.LatencyMs, reply.PromptTokens, reply.CompletionTokens, reply.Calls.Count, rejected));
    }

    /// <summary>Audits a call the settings kept from being made (<see cref="ModelOutcome.NotShared"/>).</summary>
    public void AuditNotAsked(string purpose) =>
        audit.Write(new ModelCallAudit(time.GetUtcNow(), purpose, options.Model!, ModelOutcome.NotShared, 0, null, null, 0, 0));

    public void Dispose() => http.Dispose();

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static ModelOutcome Classify(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ModelResponseTooLargeException:
                    return ModelOutcome.TooLong;
                case TimeoutException or OperationCanceledException:
                    return ModelOutcome.Timeout;
                case JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException:
                    return ModelOutcome.Malformed;
            }
        }

        return ModelOutcome.Failed;
    }

    private static JsonElement? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (int? Prompt, int? Completion) Tokens(ChatMessageContent message) =>
        message.Metadata is { } metadata && metadata.TryGetValue("Usage", out var usage) && usage is OpenAI.Chat.ChatTokenUsage counted
            ? (counted.InputTokenCount, counted.OutputTokenCount)
            : (null, null);

    private static RecordedCall Record(FunctionCallContent call)
    {
        if (call.Exception is not null || call.Arguments is null)
        {
            // Arguments that were not JSON: the call is recorded without them and rejected downstream.
            return new RecordedCall(call.FunctionName, call.Exception is null ? new Dictionary<string, JsonElement>() : null);
        }

        var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in call.Arguments)
        {
            arguments[name] = value switch
            {
                JsonElement element => element.Clone(),
                // The connector hands every argument on as text: an object or a list written as JSON is read back as one.
                string text when text.TrimStart() is ['{' or '[', ..] && TryParse(text) is { } parsed => parsed,
                _ => JsonSerializer.SerializeToElement(value),
            };
        }

        return new RecordedCall(call.FunctionName, arguments);
    }
}
