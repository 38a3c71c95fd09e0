namespace InstructorBot.Store;

/// <summary>
/// Asks the process that holds a database for a consistent copy, through request files beside it
/// (<c>&lt;db&gt;.backup-&lt;id&gt;.request</c> holding the destination, answered by <c>.done</c> holding "ok" or the reason).
/// The bot serves these (<see cref="InstructorStore.ServeBackupRequests"/>), so <c>backup</c> works while it runs.
/// </summary>
public static class BackupRequest
{
    public const string Ok = "ok";

    public static string RequestSuffix => ".request";

    public static string Prefix(string databasePath) => Path.GetFullPath(databasePath) + ".backup-";

    /// <summary>Writes the request and waits for the holder's answer.</summary>
    /// <exception cref="StoreException">The holder refused or did not answer in time.</exception>
    public static async Task RequestAsync(string databasePath, string destination, TimeSpan timeout, CancellationToken ct = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var request = Prefix(databasePath) + id + RequestSuffix;
        var done = Prefix(databasePath) + id + ".done";
        await File.WriteAllTextAsync(request + ".tmp", Path.GetFullPath(destination), ct).ConfigureAwait(false);
        File.Move(request + ".tmp", request);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(done))
            {
                var answer = await File.ReadAllTextAsync(done, ct).ConfigureAwait(false);
                File.Delete(done);
                if (answer != Ok)
                {
                    throw new StoreException($"运行中的程序未能完成备份：{answer}");
                }

                return;
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }

        File.Delete(request);
        throw new StoreException("数据库正被另一个进程使用，且该进程没有响应备份请求");
    }
}
