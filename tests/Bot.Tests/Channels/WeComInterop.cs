using System.Diagnostics;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>Runs tests/interop/wecom.mjs, which uses Tencent's npm package @wecom/crypto.</summary>
internal static class WeComInterop
{
    public static string? Directory { get; } = Find();

    /// <summary>Why the interop tests cannot run here, or null when they can.</summary>
    public static string? Missing { get; } =
        Directory is null ? "tests/interop/wecom.mjs not found above the test binaries"
        : !System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@wecom", "crypto")) ? "tests/interop/node_modules is absent: run `npm ci` in tests/interop (.ci/run does)"
        : !NodeAvailable() ? "node is not installed"
        : null;

    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("wecom.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"node wecom.mjs {arguments[0]} failed: {await error}");
        return await output;
    }

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "wecom.mjs")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool NodeAvailable()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
            process!.WaitForExit(10_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
