using System.Diagnostics;
using FrontDesk.Bench;
using FrontDesk.TestSupport;

// book (default): the spa's book on the demo profile with a month of appointments seeded;
// engine: the embedded engine's turn latency over whole conversations (EngineBench.cs);
// voice: the real host's voice webhooks under many concurrent simulated calls (VoiceBench.cs);
// load: concurrent multi-turn web chat over HTTP against the real host (LoadBench.cs);
// race: racing bookings on two agent instances sharing one store (RaceBench.cs);
// fuzz: random and mutated requests against every route of the real host (FuzzBench.cs);
// screen: the safety screen alone, µs per message (ScreenBench.cs).
//   dotnet run -c Release --project bench/FrontDesk.Bench [-- [book] sqlite|postgres|both]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- engine
//   dotnet run -c Release --project bench/FrontDesk.Bench -- voice [calls] [think-ms]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- race [postgres|sqlite] [conversations] [burst|arrivals|both] [window seconds] [--sms|--voice] [--known]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- fuzz [sqlite|postgres|both] [requests] [--seed N]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- load [sqlite|postgres|both] [--conversations N] [--concurrency C] [--semantic on|off|both] [--no-report]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- cost [sqlite|postgres|both] [--conversations N] [--semantic on|off] [--alloc] [--losers]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- screen [rounds]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- understand [rounds] [--semantic off] [files…]
//   dotnet run -c Release --project bench/FrontDesk.Bench -- memory [sqlite|postgres] [--conversations 10000] [--no-report]
switch (args.FirstOrDefault()?.ToLowerInvariant())
{
    case "engine":
        await EngineBenchRun.RunAsync();
        return;
    case "load":
        await LoadBench.RunAsync(args[1..]);
        return;
    case "cost":
        await TurnCostBench.RunAsync(args[1..]);
        return;
    case "memory":
        await LoadBench.RunMemoryAsync(args[1..]);
        return;
    case "voice":
        await VoiceBench.RunAsync(args[1..]);
        return;
    case "race":
        await RaceBench.RunAsync(args[1..]);
        return;
    case "screen":
        ScreenBench.Run(args[1..]);
        return;
    case "understand":
        await UnderstandBench.RunAsync(args[1..]);
        return;
    case "fuzz":
        await FuzzBench.RunAsync(args[1..]);
        return;
    case "book":
        args = args[1..];
        break;
}
var which = args.FirstOrDefault()?.ToLowerInvariant() ?? "both";
var stores = which switch
{
    "sqlite" => new[] { TestStore.Sqlite },
    "postgres" => [TestStore.Postgres],
    _ => [TestStore.Sqlite, TestStore.Postgres],
};

Console.WriteLine($"FrontDesk.Bench  {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z  .NET {Environment.Version}  {Environment.ProcessorCount} cpu  {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
var total = Stopwatch.StartNew();
foreach (var store in stores)
{
    if (store == TestStore.Postgres && TestPostgres.SkipReason is { } reason)
    {
        Console.WriteLine($"postgres: skipped ({reason})");
        continue;
    }
    await using var run = await BookBench.StartAsync(store);
    var seeded = await run.SeedMonthAsync();
    Console.WriteLine();
    Console.WriteLine($"[{store}] seeded {seeded.Appointments} appointments over {seeded.Days} days, {seeded.Occupancy:P0} of scheduled provider time booked (incl. buffers), in {seeded.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"{"operation",-44} {"n",6} {"ops/s",9} {"p50 ms",9} {"p99 ms",9} {"mean ms",9}");
    foreach (var result in await run.MeasureAllAsync())
    {
        Console.WriteLine(result.ToString());
    }
}
Console.WriteLine();
Console.WriteLine($"total {total.Elapsed.TotalSeconds:F0} s");
