using System.Collections.Concurrent;

namespace InstructorBot.Store.Storage;

/// <summary>
/// The single writer. Every group of queued writes runs in one transaction of the engine's write session on this thread
/// (LiteDB binds transactions to the thread), which then makes it durable (LiteDB 5.0.20 acknowledges a commit before
/// its pages reach the disk, upstream #2127, #2157, so its session checkpoints and fsyncs; PostgreSQL's commit is
/// durable); only then are the callers told. A write that throws is rolled back alone: the group is rolled back and
/// run again without it.
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    private const int MaxGroup = 256;

    private readonly BlockingCollection<IPendingWrite> queue = new();
    private readonly IStoreEngine engine;
    private readonly Action<IReadOnlyList<WriteContext>> committed;
    private readonly Thread thread;
    private IWriteSession? session;

    public GroupCommitWriter(IStoreEngine engine, Action<IReadOnlyList<WriteContext>> committed)
    {
        this.engine = engine;
        this.committed = committed;
        thread = new Thread(Loop) { IsBackground = true, Name = "InstructorStore writer" };
        thread.Start();
    }

    public Task<T> Enqueue<T>(Func<WriteContext, T> work, CancellationToken cancellationToken, Action? afterDurable = null)
    {
        var pending = new PendingWrite<T>(work, cancellationToken, afterDurable);
        try
        {
            queue.Add(pending, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(InstructorStore));
        }

        return pending.Task;
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join();
        queue.Dispose();
    }

    private void Loop()
    {
        try
        {
            foreach (var first in queue.GetConsumingEnumerable())
            {
                var group = new List<IPendingWrite> { first };
                while (group.Count < MaxGroup && queue.TryTake(out var next))
                {
                    group.Add(next);
                }

                CommitGroup(group);
            }
        }
        finally
        {
            session?.Dispose();
        }
    }

    private void CommitGroup(List<IPendingWrite> group)
    {
        group.RemoveAll(write =>
        {
            if (!write.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            write.Fail(new OperationCanceledException(write.CancellationToken));
            return true;
        });

        while (group.Count > 0)
        {
            var contexts = new List<WriteContext>(group.Count);
            var failedAt = -1;
            Exception? failure = null;
            IStoreTransaction transaction;
            try
            {
                session ??= engine.OpenWriteSession();
                transaction = session.Begin();
            }
#pragma warning disable CA1031 // An engine that cannot begin (a lost connection) fails this group; the next one tries again.
            catch (Exception unavailable)
#pragma warning restore CA1031
            {
                foreach (var write in group)
                {
                    write.Fail(unavailable);
                }

                return;
            }

            for (var i = 0; i < group.Count; i++)
            {
                var context = new WriteContext(transaction, engine);
                try
                {
                    group[i].Run(context);
                    contexts.Add(context);
                }
#pragma warning disable CA1031 // Whatever a write throws belongs to its caller, never to the writer thread.
                catch (Exception thrown)
#pragma warning restore CA1031
                {
                    failedAt = i;
                    failure = thrown;
                    break;
                }
            }

            if (failedAt >= 0)
            {
                TryRollback();
                group[failedAt].Fail(failure!);
                group.RemoveAt(failedAt);
                continue;
            }

            try
            {
                transaction.AnnounceChanges(
                    [.. contexts.SelectMany(c => c.ChangedOrganizations.Keys).Distinct()],
                    contexts.Any(c => c.Cleared),
                    contexts.Any(c => c.UsersChanged || c.Cleared));
                session.CommitDurably();
            }
#pragma warning disable CA1031 // A failed commit or flush fails every write of the group; the writer lives on.
            catch (Exception broken)
#pragma warning restore CA1031
            {
                TryRollback();
                foreach (var write in group)
                {
                    write.Fail(broken);
                }

                return;
            }

            committed(contexts);
            foreach (var write in group)
            {
                try
                {
                    write.AfterDurable();
                    write.Succeed();
                }
#pragma warning disable CA1031 // An after-commit step (a backup copy) fails only its own caller.
                catch (Exception thrown)
#pragma warning restore CA1031
                {
                    write.Fail(thrown);
                }
            }

            return;
        }
    }

    private void TryRollback()
    {
        try
        {
            session?.Rollback();
        }
#pragma warning disable CA1031 // Nothing more to do if even the rollback fails; the callers already have the error.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
