using InstructorBot.CrashWriter;

// write DB [--die-after N]: records until killed, printing "ack TAG" only after each write is acknowledged; with
//   --die-after it SIGKILLs itself right after printing the Nth acknowledgement (the moment LiteDB alone loses writes).
// verify DB ACKS: every acknowledged tag is present, effects match records, every index agrees with a full scan.
try
{
    return await Run(args);
}
catch (InstructorBot.Store.StoreException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 3;
}

static async Task<int> Run(string[] args) => args switch
{
    ["write", var db] => await CrashWriterProgram.WriteAsync(db, dieAfter: null),
    ["write", var db, "--die-after", var n] => await CrashWriterProgram.WriteAsync(db, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)),
    ["verify", var db, var acks] => CrashWriterProgram.Verify(db, acks),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CrashWriter write DB [--die-after N] | verify DB ACKS");
    return 2;
}
