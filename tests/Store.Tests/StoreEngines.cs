namespace InstructorBot.Store.Tests;

/// <summary>The engines every store test runs on: each test is a theory over this data.</summary>
public static class StoreEngines
{
    public static TheoryData<StoreEngineKind> All => new() { StoreEngineKind.LiteDb, StoreEngineKind.Postgres };
}
