using FrontDesk.Agent.Understanding;
using Xunit.Abstractions;

namespace FrontDesk.Agent.Tests.Understanding;

public class IntentClassifierTests(ITestOutputHelper output)
{
    private static readonly UnderstandingContext SpaContext = new(TestVocabularies.Sunday, TestVocabularies.MedSpa);
    private static readonly UnderstandingContext NailContext = new(TestVocabularies.Sunday, TestVocabularies.NailSalon);

    /// <summary>Written apart from the training file; none of these lines is in it.</summary>
    private static readonly (string Label, string Text, bool Nails)[] HeldOut =
    [
        ("book", "I'd like to get a hydrafacial next friday", false),
        ("book", "can you book me a deep tissue for saturday morning", false),
        ("book", "I want to schedule botox with maya", false),
        ("book", "looking to book a gel manicure tomorrow afternoon", true),
        ("book", "could I make an appointment for a pedicure on the 14th", true),
        ("book", "please book a signature facial for me", false),
        ("book", "I need to make an appointment for lip filler", false),
        ("book", "get me in for a mani at 3", true),
        ("availability", "do you have any openings on thursday", false),
        ("availability", "what times are open for a pedicure tomorrow", true),
        ("availability", "is jordan free friday afternoon", false),
        ("availability", "what's the first opening you have for botox", false),
        ("availability", "any spots left this weekend", false),
        ("cancel", "I have to cancel my facial tomorrow", false),
        ("cancel", "please cancel my appointment on friday", false),
        ("cancel", "I can't come to my pedicure, cancel it please", true),
        ("cancel", "cancel my booking with kim", true),
        ("reschedule", "can I move my massage to next week", false),
        ("reschedule", "I need to change my appointment to 4pm", false),
        ("reschedule", "could we push my manicure to saturday", true),
        ("reschedule", "I'd like to reschedule my botox", false),
        ("my_appointments", "when's my next appointment", false),
        ("my_appointments", "do I have something booked on friday", false),
        ("my_appointments", "what time is my pedicure tomorrow", true),
        ("waitlist", "put me on the waiting list for saturday", false),
        ("waitlist", "let me know if a friday slot opens up", false),
        ("waitlist", "can I be on the wait list in case someone cancels", true),
        ("faq", "how much is a hydrafacial", false),
        ("faq", "what time do you close on saturday", false),
        ("faq", "is there parking nearby", false),
        ("faq", "do you take credit cards", true),
        ("faq", "what is your cancellation policy", false),
        ("faq", "how long does a gel manicure last", true),
        ("faq", "what's the address of your westside location", false),
        ("faq", "are gift cards available", false),
        ("human", "can I please talk to a real person", false),
        ("human", "I need to speak with the manager", false),
        ("human", "transfer me to the receptionist", true),
        ("greeting", "hello there", false),
        ("greeting", "good morning!", false),
        ("thanks", "thanks so much", false),
        ("thanks", "thank you for your help", true),
        ("goodbye", "ok goodbye", false),
        ("goodbye", "have a great day, bye", false),
        ("affirm", "yes that's perfect", false),
        ("affirm", "yeah go ahead", false),
        ("deny", "no that doesn't work", false),
        ("deny", "nope", false),
        ("correction", "actually can we make it 4 instead", false),
        ("correction", "sorry I meant thursday", false),
        ("restart", "can we start over", false),
        ("restart", "let's start again from the beginning", false),
        ("nevermind", "never mind, forget it", false),
        ("nevermind", "forget about it", false),
        ("smalltalk", "are you a bot", false),
        ("smalltalk", "how's it going", false),
        ("out_of_scope", "can you reserve a table for 6 at the thai restaurant", false),
        ("out_of_scope", "book me a flight to new york on friday", false),
        ("out_of_scope", "I need an oil change appointment", false),
        ("out_of_scope", "schedule a dentist appointment for me", true),
        ("out_of_scope", "what's the weather like tomorrow", false),
        ("out_of_scope", "what is 12 times 12", false),
        ("out_of_scope", "cancel my hotel reservation", false),
        ("out_of_scope", "check my bank account balance", true),
        ("out_of_scope", "who won the world series", false),
        ("out_of_scope", "book a rental car for next week", false),
        ("out_of_scope", "I need to get my car serviced", false),
        ("out_of_scope", "make a dinner reservation for 8pm", true),
    ];

    [Fact]
    public void Held_out_examples_are_classified_with_at_least_85_percent_accuracy()
    {
        var understander = new Understander();
        var misses = new List<string>();
        foreach (var (label, text, nails) in HeldOut)
        {
            var u = understander.Understand(text, nails ? NailContext : SpaContext);
            if (u.Intent != IntentClassifier.ParseLabel(label))
            {
                misses.Add($"{label} <- '{text}' read as {u.Intent} ({u.Confidence:0.00})");
            }
        }

        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        var accuracy = 1.0 - (double)misses.Count / HeldOut.Length;
        output.WriteLine($"accuracy {accuracy:P1} on {HeldOut.Length}");
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:P1}: " + string.Join("; ", misses));
    }

    [Theory]
    [InlineData("book a table for two at 7")]
    [InlineData("I need a flight to boston tomorrow")]
    [InlineData("can you schedule my car for an oil change")]
    [InlineData("reserve a hotel room for the weekend")]
    [InlineData("what's the weather in seattle")]
    [InlineData("what is 7 plus 5")]
    public void Other_businesses_and_unrelated_tasks_are_out_of_scope(string text)
    {
        Assert.Equal(Intent.OutOfScope, IntentClassifier.Default.Classify(text).Intent);
    }

    [Fact]
    public void Cancel_that_mid_booking_is_nevermind_but_cancel_my_appointment_is_cancel()
    {
        var classifier = IntentClassifier.Default;

        Assert.Equal(Intent.Nevermind, classifier.Classify("cancel that").Intent);
        Assert.Equal(Intent.Cancel, classifier.Classify("cancel my appointment on friday").Intent);
        Assert.Contains(classifier.Classify("cancel that").Alternatives, a => a.Intent == Intent.Cancel);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        // Training speed is measured in bench/ (engine mode), not asserted here.
        var lines = IntentClassifier.LoadEmbeddedTraining();
        var first = new IntentClassifier(lines);
        var second = new IntentClassifier(lines);
        output.WriteLine($"trained on {first.ExampleCount} examples");

        Assert.True(first.ExampleCount >= 500);
        foreach (var text in new[] { "book a facial", "what are your hours", "hi", "book a flight" })
        {
            Assert.Equal(first.Classify(text), second.Classify(text), new PredictionComparer());
        }
    }

    [Fact]
    public void Confidence_is_a_probability_and_alternatives_are_ranked()
    {
        var p = IntentClassifier.Default.Classify("I want to book an appointment");

        Assert.Equal(Intent.Book, p.Intent);
        Assert.InRange(p.Confidence, 0.0, 1.0);
        Assert.Equal(3, p.Alternatives.Count);
        Assert.True(p.Alternatives[0].Confidence >= p.Alternatives[1].Confidence);
    }

    [Fact]
    public void Empty_or_gibberish_text_is_unknown()
    {
        Assert.Equal(Intent.Unknown, IntentClassifier.Default.Classify("").Intent);
        Assert.Equal(Intent.Unknown, IntentClassifier.Default.Classify("qqxz vvkj").Intent);
    }

    [Fact]
    public void A_training_line_without_a_tab_is_refused()
    {
        Assert.Throws<FormatException>(() => new IntentClassifier(["book a facial"]));
        Assert.Throws<FormatException>(() => new IntentClassifier(["dance\tlet's dance"]));
    }

    private sealed class PredictionComparer : IEqualityComparer<IntentPrediction>
    {
        public bool Equals(IntentPrediction? x, IntentPrediction? y) =>
            x!.Intent == y!.Intent && x.Confidence.Equals(y.Confidence) && x.Alternatives.SequenceEqual(y.Alternatives);

        public int GetHashCode(IntentPrediction obj) => obj.Intent.GetHashCode();
    }
}
