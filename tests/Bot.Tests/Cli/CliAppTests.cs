using System.Diagnostics;
using InstructorBot.Bot.Cli;

namespace InstructorBot.Bot.Tests.Cli;

/// <summary>What the one executable does with its first argument: a verb, help, host options, or a mistake.</summary>
public sealed class CliAppTests
{
    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "serve", "--db", "data/bot.db" }, true)]
    [InlineData(new[] { "--db", "data/bot.db" }, true)]
    [InlineData(new[] { "--Store:Path=data/bot.db" }, true)]
    [InlineData(new[] { "--help" }, false)]
    [InlineData(new[] { "help" }, false)]
    [InlineData(new[] { "-h" }, false)]
    [InlineData(new[] { "reprot", "--scope", "坂田街道" }, false)]
    [InlineData(new[] { "report", "--scope", "坂田街道" }, false)]
    public void Only_no_arguments_serve_or_host_options_start_the_host(string[] args, bool host) =>
        Assert.Equal(host, CliApp.StartsHost(args));

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_lists_the_verbs_in_chinese_and_succeeds(string help)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync([help], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Contains("用法", stdout.ToString(), StringComparison.Ordinal);
        var lines = stdout.ToString().Split('\n').Select(l => l.Trim()).ToList();
        foreach (var verb in CliApp.VerbNames)
        {
            Assert.Contains(lines, l => l.StartsWith(verb + " ", StringComparison.Ordinal) || l.StartsWith(verb + "（", StringComparison.Ordinal));
        }

        // Each form of a verb with sub-verbs or a second use (CLI.md and its 2026-12-05 additions).
        foreach (var form in new[] { "users code", "users bind", "demo remove", "import --ledger", "--users FILE", "report --scope 名称 --json", "--month YYYY-MM", "--engine" })
        {
            Assert.Contains(form, stdout.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public async Task A_mistyped_verb_fails_with_a_chinese_reason_and_the_usage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["reprot", "--scope", "坂田街道"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("未知的命令 reprot", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("用法", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Dotnet_run_keeps_the_callers_folder_so_relative_paths_of_the_verbs_resolve_there()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Bot", "InstructorBot.Bot.csproj");
        var caller = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "instructorbot-caller-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", ["msbuild", project, "-getProperty:RunWorkingDirectory", "-nologo"])
            {
                WorkingDirectory = caller,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var msbuild = Process.Start(start)!;
            var output = await msbuild.StandardOutput.ReadToEndAsync();
            await msbuild.WaitForExitAsync();

            Assert.Equal(0, msbuild.ExitCode);
            Assert.Equal(caller.TrimEnd('/'), output.Trim().TrimEnd('/'));
        }
        finally
        {
            Directory.Delete(caller, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "InstructorBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("InstructorBot.sln not found above " + AppContext.BaseDirectory);
    }
}
