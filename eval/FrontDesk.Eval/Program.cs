using FrontDesk.Eval.Scenarios;

// Measures conversation quality and speed against scenarios and third-party data (docs/evaluation.md):
//   dotnet run --project eval/FrontDesk.Eval -- scenarios [--k N] [--store sqlite|postgres] [--only id[,id…]] [--verbose]
//   dotnet run --project eval/FrontDesk.Eval -- nlu [--split test|dev] [--semantic off|faq|all] [--datasets path] [--limit N] [--label before|after]
//   dotnet run --project eval/FrontDesk.Eval -- faq-probe [profile] < questions.txt
//   dotnet run --project eval/FrontDesk.Eval -- languages [--no-report]
var command = args.FirstOrDefault() ?? "scenarios";
var options = Options.Parse(args.Skip(1));
return command switch
{
    "scenarios" => await ScenarioCommand.RunAsync(options),
    "nlu" => await FrontDesk.Eval.Nlu.NluCommand.RunAsync(options),
    "languages" => await FrontDesk.Eval.Languages.LanguageCommand.RunAsync(options),
    "faq-probe" => await FrontDesk.Eval.FaqProbe.RunAsync(args.Skip(1).FirstOrDefault()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: FrontDesk.Eval scenarios|nlu|languages [options]");
    return 2;
}
