using FrontDesk.Eval.Scenarios;

// Measures conversation quality and speed against scenarios and third-party data (docs/evaluation.md):
//   dotnet run --project eval/FrontDesk.Eval -- scenarios [--k N] [--store sqlite|postgres] [--only id[,id…]] [--verbose]
//   dotnet run --project eval/FrontDesk.Eval -- nlu [--split test|dev|salon] [--semantic off|faq|all] [--datasets path] [--limit N] [--label before|after]
//   dotnet run --project eval/FrontDesk.Eval -- faq-probe [profile] < questions.txt
//   dotnet run --project eval/FrontDesk.Eval -- intent-probe [profile] < messages.txt   (the intent with semantic matching, and its alternatives)
//   dotnet run --project eval/FrontDesk.Eval -- agent-probe < eval/probes/out-of-scope.dev.txt   (what the agent does with each line)
//   dotnet run --project eval/FrontDesk.Eval -- languages [--no-report]
//   dotnet run --project eval/FrontDesk.Eval -- similarity < pairs.txt   ("text | text" a line: the model's cosine similarity)
var command = args.FirstOrDefault() ?? "scenarios";
if (args.Any(a => a is "--help" or "-h"))
{
    return Usage();
}
Options options;
try
{
    options = command is "scenarios" or "nlu" or "languages" ? Options.Parse(args.Skip(1)) : new Options();
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}
return command switch
{
    "scenarios" => await ScenarioCommand.RunAsync(options),
    "nlu" => await FrontDesk.Eval.Nlu.NluCommand.RunAsync(options),
    "languages" => await FrontDesk.Eval.Languages.LanguageCommand.RunAsync(options),
    "faq-probe" => await FrontDesk.Eval.FaqProbe.RunAsync(args.Skip(1).FirstOrDefault()),
    "intent-probe" => FrontDesk.Eval.FaqProbe.Intents(args.Skip(1).FirstOrDefault()),
    "faq-variants" => FrontDesk.Eval.FaqProbe.Variants(),
    "agent-probe" => await FrontDesk.Eval.AgentProbe.RunAsync(),
    "screen-probe" => FrontDesk.Eval.FaqProbe.Screen(args.Skip(1).FirstOrDefault()),
    "similarity" => FrontDesk.Eval.FaqProbe.Similarity(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: FrontDesk.Eval scenarios [--k N] [--store sqlite|postgres] [--only id-prefix[,…]] [--verbose|-v] [--no-report]
               FrontDesk.Eval nlu [--split test|dev|salon] [--semantic off|faq|all] [--datasets path] [--limit N] [--label before|after]
                                  [--no-baseline] [--dump file] [--sgd-source dir] [--sgd-only] [--clinc-source data_full.json]
               FrontDesk.Eval languages [--no-report]
               FrontDesk.Eval faq-probe|intent-probe [profile] < lines;  agent-probe|screen-probe < lines;  similarity < pairs
        """);
    return 2;
}
