namespace InstructorBot.Store.Storage;

/// <summary>A write waiting for the writer thread.</summary>
internal interface IPendingWrite
{
    CancellationToken CancellationToken { get; }

    /// <summary>Runs inside the group's transaction on the writer thread; throwing rolls back this write only.</summary>
    void Run(WriteContext context);

    /// <summary>Runs on the writer thread after the group is durable, before the caller is told (e.g. a backup's copy).</summary>
    void AfterDurable();

    void Succeed();

    void Fail(Exception failure);
}
