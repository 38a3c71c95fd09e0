using System.Diagnostics;
using System.Text;
using InstructorBot.Bot.Cli;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// A copy of the shipped corpus plus one document that is a named pipe (Linux): reading it waits until the test calls
/// <see cref="Release"/>. The host's knowledge warm-up reads every corpus file under the index's lock, so while the corpus
/// is held the warm-up holds that lock, as a warm-up starved of CPU or disk does, for exactly as long as the test says:
/// no sleep decides who comes first. <see cref="Hold"/> holds it again (for a restarted host). Release before the host is
/// disposed: a host stopping waits for its warm-up.
/// </summary>
public sealed class HeldCorpus : IDisposable
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("# 启动测试文件\n\n这份文件只在测试里读到，用来拖住索引的建立。\n");

    private readonly string pipe;
    private volatile bool released;
    private Thread? writer;

    public HeldCorpus()
    {
        Folder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", "held-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.EnumerateFiles(BotPaths.ShippedCorpus))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        // Named to sort last: the shipped documents are indexed first, then the warm-up waits here with the lock taken.
        pipe = Path.Combine(Folder, "999-held.md");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", ["-m", "600", pipe]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>Only where named pipes behave as this helper needs (Linux).</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    public string Folder { get; }

    /// <summary>From now on every read of the held document gets its text at once (each open is answered by one write).</summary>
    public void Release()
    {
        if (released)
        {
            return;
        }

        released = true;
        writer = new Thread(() =>
        {
            while (released)
            {
                // Opening for writing waits for a reader: the warm-up's next read of the document. A reader that closed
                // before the text was written (broken pipe) just gets it on its next open.
                try
                {
                    using var stream = new FileStream(pipe, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                    stream.Write(Content);
                }
                catch (IOException)
                {
                    // Broken pipe: written again on the reader's next open.
                }
            }
        })
        { IsBackground = true, Name = "held-corpus-writer" };
        writer.Start();
    }

    /// <summary>Reads of the held document wait again until the next <see cref="Release"/>.</summary>
    public void Hold()
    {
        released = false;
        while (writer is { IsAlive: true })
        {
            // On Linux opening a pipe for reading and writing never waits; a writer waiting for a reader gets this one, writes
            // into the pipe's buffer and sees it is no longer released.
            using (new FileStream(pipe, FileMode.Open, FileAccess.ReadWrite))
            {
            }

            writer.Join(TimeSpan.FromMilliseconds(100));
        }

        writer = null;
    }

    public void Dispose()
    {
        Hold();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
