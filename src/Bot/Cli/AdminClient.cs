using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// Sends a data-changing verb to the running host of a database (see <see cref="AdminFile"/>). Null when no host runs:
/// no admin file, or its address does not answer (a host killed without cleaning up); the verb then works directly.
/// </summary>
internal static class AdminClient
{
    public const string Path = "/admin/run";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(10);

    public static async Task<AdminReply?> TrySendAsync(string databasePath, AdminRequest request, CancellationToken cancellationToken)
    {
        if (AdminFile.Read(databasePath) is not { } admin || !Uri.TryCreate(admin.Url, UriKind.Absolute, out var address) || !address.IsLoopback)
        {
            return null;
        }

        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            // The host's own loopback certificate may be self-signed; the token, not the certificate, authenticates here.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync(Path, request, CliContext.Json, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null; // nothing listens there any more
        }

        using (response)
        {
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                throw new CliException(
                    "运行中的服务拒绝了管理请求（令牌不符，可能是另一台服务）。请确认 --db 指向该服务的数据库",
                    "the running host refused the admin request (token mismatch); check --db");
            }

            var reply = await response.Content.ReadFromJsonAsync<AdminReply>(CliContext.Json, cancellationToken)
                        ?? throw new CliException("运行中的服务没有给出结果", "the running host gave no answer");
            return reply;
        }
    }

    /// <summary>Prints a host's reply the way the verb itself would, or fails with its reason.</summary>
    public static async Task<int> PrintAsync(CliContext context, AdminReply reply)
    {
        if (!reply.Ok)
        {
            throw new CliException(reply.Chinese ?? "运行中的服务未能完成请求", reply.English ?? "the running host could not do it");
        }

        foreach (var line in reply.Lines)
        {
            await context.Output.WriteLineAsync(line);
        }

        return 0;
    }

    /// <summary>The named files' content, for a host that may not be able to read the caller's files.</summary>
    public static IReadOnlyList<AdminRequest.Upload> Uploads(IEnumerable<(string Option, string File)> files)
    {
        var uploads = new List<AdminRequest.Upload>();
        foreach (var (option, file) in files)
        {
            if (!File.Exists(file))
            {
                throw new CliException($"找不到文件：{file}", $"file not found: {file}");
            }

            uploads.Add(new AdminRequest.Upload(option, System.IO.Path.GetFileName(file), File.ReadAllBytes(file)));
        }

        return uploads;
    }
}
