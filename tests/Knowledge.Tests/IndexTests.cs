using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Tests;

public sealed class IndexTests
{
    [Fact]
    public void Re_indexing_a_changed_file_replaces_its_passages_and_the_same_content_is_never_indexed_twice()
    {
        using var folder = new TestFolder();
        var file = folder.File("notice.txt");
        File.WriteAllLines(file, ["关于试点楼宇党建的通知", "一、试点要求", "楼宇党建试点单位每季度召开一次联席会议。"]);
        using var knowledge = new KnowledgeBase(folder.File("index"), corpusFolder: null);

        Assert.Equal(IndexOutcome.Added, knowledge.AddDocuments([file])[0].Outcome);
        Assert.Equal(IndexOutcome.Unchanged, knowledge.AddDocuments([file])[0].Outcome);
        var copy = folder.File("copy.txt");
        File.Copy(file, copy);
        Assert.Equal(IndexOutcome.Duplicate, knowledge.AddDocuments([copy])[0].Outcome);
        var before = knowledge.Index.PassageCount;

        File.WriteAllLines(file, ["关于试点楼宇党建的通知", "一、试点要求", "楼宇党建试点单位每月召开一次党群服务例会。"]);
        Assert.Equal(IndexOutcome.Replaced, knowledge.AddDocuments([file])[0].Outcome);

        Assert.Equal(before, knowledge.Index.PassageCount);
        Assert.Single(knowledge.Index.Documents);
        Assert.True(QaEvaluationTests.DeclinedOrHedged(knowledge.Ask("楼宇党建试点单位多久召开一次联席会议？")));
        Assert.Contains("每月召开一次党群服务例会", knowledge.Ask("楼宇党建试点单位多久召开一次党群服务例会？").Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_asked_while_a_document_is_indexed_again_and_again_are_all_answered_without_an_error()
    {
        // Another host's document arriving (PostgreSQL sync) or an admin upload re-indexes while turns ask questions: a
        // search that took the searcher before the change must finish on it (it was closed under it: ObjectDisposedException).
        using var folder = new TestFolder();
        var file = folder.File("notice.txt");
        File.WriteAllLines(file, ["关于试点楼宇党建的通知", "一、试点要求", "楼宇党建试点单位每季度召开一次联席会议。"]);
        using var knowledge = new KnowledgeBase(folder.File("index"), corpusFolder: null);
        knowledge.AddDocuments([file]);
        knowledge.Ask("楼宇党建试点单位多久召开一次联席会议？"); // the analyzers load once, before the race
        using var stop = new CancellationTokenSource();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var asked = 0;
        var askers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    knowledge.Ask("楼宇党建试点单位多久召开一次联席会议？");
                    Interlocked.Increment(ref asked);
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                }
            }
        })).ToArray();

        // Every asker is asking before the first re-index, and asks go on through all of them.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref asked) < 8 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var before = Volatile.Read(ref asked);
        for (var round = 0; round < 30; round++)
        {
            File.WriteAllLines(file, ["关于试点楼宇党建的通知", "一、试点要求", $"楼宇党建试点单位每季度召开一次联席会议，第{round + 1}次修订。"]);
            Assert.Equal(IndexOutcome.Replaced, knowledge.AddDocuments([file])[0].Outcome);
        }

        var during = Volatile.Read(ref asked) - before;
        await stop.CancelAsync();
        await Task.WhenAll(askers);
        Assert.Empty(errors);
        Assert.True(before >= 8 && during > 0, $"asked before {before}, during the re-indexes {during}");
        Assert.Contains(knowledge.Index.Search(["联席会议"], 3), p => p.Text.Contains("第30次修订", StringComparison.Ordinal));
        Assert.InRange(knowledge.Index.RetiredReaders, 1, 31);
    }

    [Fact]
    public void The_shipped_corpus_is_indexed_once_and_again_only_when_a_file_changes()
    {
        using var folder = new TestFolder();
        var corpus = folder.File("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in Directory.GetFiles(TestFolder.Corpus))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        using (var first = new KnowledgeBase(folder.File("index"), corpus))
        {
            Assert.True(first.Ask("什么是五个清？").Answered);
            Assert.Equal(4, first.Index.Documents.Count);
        }

        using var index = new KnowledgeIndex(folder.File("index"));
        Assert.All(index.SyncCorpus(corpus), r => Assert.Equal(IndexOutcome.Unchanged, r.Outcome));

        File.AppendAllText(Path.Combine(corpus, "003-wuhan-2016-bairi.txt"), "\n补充说明：本方案由市委组织部负责解释。\n");
        File.Delete(Path.Combine(corpus, "004-longgang-2019-27.md"));
        var results = index.SyncCorpus(corpus);

        Assert.Equal(IndexOutcome.Replaced, Assert.Single(results, r => r.Path.EndsWith("003-wuhan-2016-bairi.txt", StringComparison.Ordinal)).Outcome);
        Assert.Equal(3, index.Documents.Count);
    }

    [Fact]
    public void A_broken_docx_is_reported_unreadable_and_the_other_files_are_still_indexed()
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("broken.docx"), "not a zip package");
        File.WriteAllLines(folder.File("good.txt"), ["关于商圈党建的通知", "一、商圈党建", "商圈党建联席会议每季度召开一次。"]);
        using var knowledge = new KnowledgeBase(folder.File("index"), corpusFolder: null);

        var results = knowledge.AddDocuments([folder.Path]);

        Assert.Equal(IndexOutcome.Unreadable, Assert.Single(results, r => r.Path.EndsWith("broken.docx", StringComparison.Ordinal)).Outcome);
        Assert.Equal(IndexOutcome.Added, Assert.Single(results, r => r.Path.EndsWith("good.txt", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public void A_running_instance_sees_documents_another_process_indexed()
    {
        using var folder = new TestFolder();
        var file = folder.File("notice.txt");
        File.WriteAllLines(file, ["关于商圈党建的通知", "一、商圈党建", "商圈党建联席会议每季度召开一次。"]);
        using var running = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        Assert.False(running.Ask("商圈党建联席会议多久召开一次？").Answered);

        using (var other = new KnowledgeBase(folder.File("index"), TestFolder.Corpus))
        {
            other.AddDocuments([file]);
        }

        Thread.Sleep(1100);
        Assert.True(running.Ask("商圈党建联席会议多久召开一次？").Answered);
    }

    [Theory]
    [InlineData("AND OR (")]
    [InlineData("NOT")]
    [InlineData("\"*?~^[{]}\\/:")]
    [InlineData("党组织 AND (书记 OR")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？")]
    [InlineData("🙂🙂")]
    public void Hostile_or_empty_question_text_is_answered_without_throwing(string question)
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);

        var answer = knowledge.Ask(question);

        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
    }
}
