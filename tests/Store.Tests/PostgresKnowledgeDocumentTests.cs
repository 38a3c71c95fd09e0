using System.Text;
using InstructorBot.Store.Postgres;

namespace InstructorBot.Store.Tests;

/// <summary>
/// Issue 16: the knowledge documents shared by the hosts of one PostgreSQL database (<see cref="SharedKnowledgeDocuments"/>,
/// migration 0004): a write tells every watcher only when it changed something, and a watcher is told once it listens.
/// </summary>
public sealed class PostgresKnowledgeDocumentTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_new_or_changed_document_is_stored_and_announced_and_the_same_content_again_writes_nothing()
    {
        using var test = TestStore.Empty(StoreEngineKind.Postgres);
        using var writer = SharedKnowledgeDocuments.Open(test.Options.ConnectionString!);
        var shared = test.Store.KnowledgeDocuments!;
        var told = 0;
        using (shared.Watch(() => Interlocked.Increment(ref told)))
        {
            await WaitUntilAsync(() => Volatile.Read(ref told) == 1); // listening: the caller's full check
            var first = Encoding.UTF8.GetBytes("值守办法\n\n一、开放时间\n每周二至周六开放。");
            var sidecar = Encoding.UTF8.GetBytes("{\"issuingBody\":\"南岭村\"}");

            Assert.True(writer.Put("值守办法.txt", first, sidecar));
            await WaitUntilAsync(() => Volatile.Read(ref told) == 2);
            Assert.False(writer.Put("值守办法.txt", first, sidecar));
            Assert.True(writer.Put("值守办法.txt", first, null)); // the sidecar is part of the content
            await WaitUntilAsync(() => Volatile.Read(ref told) == 3);
            await Task.Delay(300);
            Assert.Equal(3, Volatile.Read(ref told));

            var listed = Assert.Single(shared.List());
            Assert.Equal(("值守办法.txt", SharedKnowledgeDocuments.HashOf(first, [])), (listed.Name, listed.Hash));
            var stored = shared.Read("值守办法.txt")!.Value;
            Assert.Equal(first, stored.Content);
            Assert.Null(stored.Sidecar);
            Assert.Null(shared.Read("没有.txt"));
        }

        // A LiteDB store has no shared documents: its one host's index keeps them.
        using var lite = TestStore.Empty(StoreEngineKind.LiteDb);
        Assert.Null(lite.Store.KnowledgeDocuments);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, "not seen in time");
            await Task.Delay(10);
        }
    }
}
