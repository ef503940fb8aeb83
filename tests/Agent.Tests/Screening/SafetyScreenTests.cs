using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>The shipped escalation rules and reply screen on the demo profile: what they catch and what they leave alone.</summary>
public sealed class SafetyScreenTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
    private static readonly SafetyScreen Screen = new(Demo, Rules);
    private static readonly TextTemplates Replies = TextTemplates.Load(Path.Combine(TestFiles.Prompts, "replies.yaml"));

    private static string Template(string key) => $"<{key}>";

    [Theory]
    [InlineData("I think I'm having a stroke")]
    [InlineData("I think I'm having a heart attack")]
    [InlineData("my lip is bleeding a lot after filler")]
    [InlineData("the injection site won't stop bleeding")]
    [InlineData("there's so much blood coming from my cheek")]
    [InlineData("it's been bleeding nonstop for an hour")]
    [InlineData("my chest hurts and my arm feels heavy")]
    [InlineData("I've got a tight pressure in my chest")]
    [InlineData("I can barely breathe since the peel")]
    [InlineData("I'm having trouble breathing")]
    [InlineData("my chest feels tight and it hurts to breathe")]
    [InlineData("the bleeding from my cheek just won't stop")]
    [InlineData("i cant breath")]
    [InlineData("my throat feels like it's closing up")]
    [InlineData("my tongue is swelling really fast")]
    [InlineData("swollen throat after the facial")]
    [InlineData("allergic reaction, my face and lips are swelling")]
    [InlineData("she went into anaphylactic shock")]
    [InlineData("my friend fainted in the waiting room")]
    [InlineData("I feel like I'm going to pass out")]
    [InlineData("he passed out after his laser session")]
    [InlineData("my mom is unconscious")]
    [InlineData("she's having a seizure")]
    [InlineData("I can't see out of my left eye since the filler")]
    [InlineData("my vision went blurry right after the cheek filler")]
    [InlineData("I'm losing my sight in one eye")]
    [InlineData("the skin around my lips is turning white and grey")]
    [InlineData("one side of my face is drooping and my speech is slurred")]
    [InlineData("I want to kill myself")]
    [InlineData("I don't want to live anymore")]
    [InlineData("honestly I just want to die")]
    [InlineData("I've been thinking about ending my life")]
    public void Emergencies_are_urgent_in_any_wording(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("emergency", finding.Category?.Name);
        Assert.Equal("urgent", finding.Urgency);
        Assert.Equal("escalation_emergency", finding.Reply);
        Assert.Contains("911", Replies.Render(finding.Reply!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can I drink alcohol after botox?")]
    [InlineData("is botox bad for migraines?")]
    [InlineData("how long after a chemical peel can I work out?")]
    [InlineData("I take fish oil, is that a problem for lip filler?")]
    [InlineData("is laser hair removal ok if I have eczema?")]
    [InlineData("is the hydrafacial safe while I'm trying to conceive?")]
    [InlineData("can I get a massage if I have high blood pressure?")]
    [InlineData("I'm on antibiotics, can I still come in for my facial?")]
    [InlineData("does retin-a matter before dermaplaning?")]
    [InlineData("my forehead has a rash since the peel")]
    [InlineData("still a lot of bruising two days after my filler")]
    [InlineData("my lips feel numb after the injections")]
    [InlineData("the area is sore after my laser treatment")]
    [InlineData("I think the spot where I had botox is infected")]
    [InlineData("my eyelid is drooping after tox")]
    [InlineData("I have a headache since my botox")]
    public void Questions_pairing_a_treatment_with_health_are_medical(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("medical", finding.Category?.Name);
        Assert.Equal("escalation_medical", finding.Reply);
    }

    [Theory]
    [InlineData("dizzy and my heart is racing after the injection")]
    [InlineData("my heart is pounding and I feel lightheaded since the filler")]
    [InlineData("the swelling keeps getting worse")]
    [InlineData("there's pus at the injection site and I have a fever")]
    public void Symptoms_that_cannot_wait_are_urgent_medical(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("medical", finding.Category?.Name);
        Assert.Equal("urgent", finding.Urgency);
    }

    [Theory]
    [InlineData("can you give me 20% off?")]
    [InlineData("any deals or specials this month?")]
    [InlineData("is there a promo code for new clients?")]
    [InlineData("do you have any coupons")]
    [InlineData("would you price match the place down the street?")]
    [InlineData("could you knock a little off the price?")]
    [InlineData("I saw a groupon, any chance of ten percent off")]
    [InlineData("is the laser hair removal on sale?")]
    [InlineData("how much does the membership cost?")]
    [InlineData("do members get a member discount on botox")]
    [InlineData("is there a cheaper option than a hydrafacial")]
    [InlineData("buy one get one on facials?")]
    [InlineData("can you waive the late fee")]
    [InlineData("would you do it for $400 instead?")]
    [InlineData("I'll pay 300 for the lip filler, final offer")]
    public void Discounts_deals_and_unlisted_pricing_go_to_a_manager(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("pricing", finding.Category?.Name);
    }

    [Theory]
    [InlineData("connect me to the cable company please")]
    [InlineData("i need to speak to someone at the irs about my taxes")]
    [InlineData("can you find me deals on flights to miami")]
    [InlineData("how do i get a refund for a plane ticket")]
    [InlineData("i want to file a complaint against my landlord")]
    [InlineData("is there a sale on iphones this week")]
    [InlineData("what's the best price for a used car")]
    [InlineData("put me through to my bank, someone stole my card")]
    [InlineData("i was overcharged on my phone bill")]
    [InlineData("can i get a discount on my cable bill")]
    [InlineData("what's my account balance")]
    [InlineData("my credit card was charged twice at the grocery store")]
    [InlineData("i want to complain about my neighbor")]
    [InlineData("i want to file a complaint with the city")]
    [InlineData("can i speak with a manager at the restaurant")]
    public void Pricing_complaints_and_people_of_another_business_are_not_the_spas(string text)
    {
        Assert.Null(Screen.ScreenInbound(text).Category);
    }

    [Theory]
    [InlineData("connect me to the front desk please", "human_request")]
    [InlineData("i need to speak to someone about my appointment, my flight got moved", "human_request")]
    [InlineData("can i get a refund for my facial", "pricing")]
    [InlineData("you charged my credit card twice, i want a refund", "sensitive")]
    [InlineData("any deals on botox this month? i'm flying in from denver", "pricing")]
    [InlineData("i want to complain, the receptionist was rude and made me late for my flight", "sensitive")]
    [InlineData("terrible experience, i had to leave my car on the street for an hour and missed my massage", "sensitive")]
    [InlineData("you overcharged me, it's on my credit card bill twice", "sensitive")]
    [InlineData("the restaurant next door was so loud during my facial, i want to complain", "sensitive")]
    [InlineData("my neighbor recommended you, can i talk to a real person about a package", "human_request")]
    [InlineData("can you delete my account, i moved to a new neighborhood", "sensitive")]
    public void The_spas_own_pricing_complaints_and_staff_still_escalate_beside_another_business(string text, string category)
    {
        Assert.Equal(category, Screen.ScreenInbound(text).Category?.Name);
    }

    [Theory]
    [InlineData("when is Ben Carter's appointment?")]
    [InlineData("what time is my sister's appointment")]
    [InlineData("what time is my husband booked")]
    [InlineData("can you tell me if Jane is coming in today")]
    [InlineData("is Jane coming in this afternoon?")]
    [InlineData("does Chloe have an appointment tomorrow")]
    [InlineData("what appointments does Ava have")]
    [InlineData("when is my mom's facial appointment")]
    [InlineData("I'd like to know when someone else is booked")]
    [InlineData("can you tell me what someone else booked for friday")]
    public void Questions_about_other_people_are_sensitive(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("sensitive", finding.Category?.Name);
        Assert.Equal("escalation_other_person", finding.Reply);
    }

    [Theory]
    [InlineData("are you working for someone else")]
    [InlineData("do you also work for somebody else")]
    public void Who_the_assistant_works_for_is_not_another_persons_data(string text) =>
        Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("what ingredients do i need for shrimp scampi")]
    [InlineData("i ruined my card when it got washed")]
    public void A_dish_and_a_mishap_of_ones_own_are_not_complaints(string text) =>
        Assert.NotEqual("sensitive", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("this place is a scam")]
    [InlineData("i got scammed by your front desk")]
    [InlineData("you ruined my skin")]
    [InlineData("the laser ruined my face")]
    public void A_scam_or_harm_done_is_still_a_complaint(string text) =>
        Assert.Equal("sensitive", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("please erase all of my personal information", "escalation_privacy_request")]
    [InlineData("remove my details from your records", "escalation_privacy_request")]
    [InlineData("I'm going to take you to court", "escalation_sensitive")]
    [InlineData("my attorney will be in touch", "escalation_sensitive")]
    [InlineData("this was a horrible experience and totally unacceptable", "escalation_sensitive")]
    [InlineData("my card is 4012 8888 8888 1881", "card_number_warning")]
    [InlineData("4111.1111.1111.1111 exp 09/27", "card_number_warning")]
    public void Privacy_legal_complaints_and_card_numbers_are_sensitive(string text, string reply)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("sensitive", finding.Category?.Name);
        Assert.Equal(reply, finding.Reply);
    }

    [Theory]
    [InlineData("I'd like to book a hydrafacial on Wednesday")]
    [InlineData("how much is a hydrafacial?")]
    [InlineData("do you offer memberships?")]
    [InlineData("can I book a massage for my wife and me on Saturday?")]
    [InlineData("book my husband an appointment for a deep tissue massage")]
    [InlineData("I need to reschedule tomorrow's appointment")]
    [InlineData("is this appointment at the Marina location?")]
    [InlineData("what time is my appointment on Friday?")]
    [InlineData("can I bump my appointment to 3pm?")]
    [InlineData("what's your phone number")]
    [InlineData("my number is 415-555-1234 and my name is Sara")]
    [InlineData("I want a deep tissue massage, my back is tight from work")]
    [InlineData("how long does a botox appointment take?")]
    [InlineData("how long do botox results last")]
    [InlineData("do I need a consultation before filler?")]
    [InlineData("is there parking near the Mission location?")]
    [InlineData("is Maya available on Saturday?")]
    [InlineData("can I bring a drink to my facial")]
    [InlineData("I'd like the swedish massage, it's Wednesday's appointment I want to move")]
    [InlineData("can I use my HSA card for laser hair removal?")]
    [InlineData("do you have any openings this afternoon")]
    [InlineData("cancel my appointment please")]
    [InlineData("I'd like a prenatal massage on Sunday")]
    [InlineData("thanks, that's perfect, see you then")]
    [InlineData("Yes, please. Can you make it for 11:45?")]
    [InlineData("could you make it for 4 pm instead")]
    public void Ordinary_booking_and_questions_raise_nothing(string text) =>
        Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("Botox is $199 per unit.", "unlisted_price")]
    [InlineData("A HydraFacial is $14.", "unlisted_price")]
    [InlineData("Lip filler would be about 150 dollars.", "unlisted_price")]
    [InlineData("For you, the Signature Facial is a hundred and fifty bucks.", "unlisted_price")]
    [InlineData("Cheek filler is $650.", "unlisted_price")]
    [InlineData("I can give you 20% off your first peel.", "discount_offer")]
    [InlineData("Good news: dermaplaning is half price this week.", "discount_offer")]
    [InlineData("We can do a special deal for you on laser.", "discount_offer")]
    [InlineData("Use promo code GLOW for your next visit.", "discount_offer")]
    [InlineData("Please avoid alcohol for 24 hours after your Botox.", "medical_advice")]
    [InlineData("It's perfectly safe during pregnancy.", "medical_advice")]
    [InlineData("You should be fine to come in.", "medical_advice")]
    [InlineData("Take ibuprofen if it hurts.", "medical_advice")]
    [InlineData("Some swelling is a very common side effect and will go away.", "medical_advice")]
    [InlineData("You can exercise the next day.", "medical_advice")]
    [InlineData("Wait 48 hours before working out.", "medical_advice")]
    [InlineData("Don't worry, that happens.", "medical_advice")]
    [InlineData("Most people need 20 units for the forehead.", "medical_advice")]
    public void A_draft_with_a_wrong_price_a_discount_or_advice_is_replaced(string draft, string finding)
    {
        var screened = Screen.ScreenReply(draft, Template);
        Assert.Contains(finding, screened.Findings);
        Assert.NotEqual(draft, screened.Text);
        Assert.StartsWith("<", screened.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A HydraFacial is $199 and a Signature Facial is $140.")]
    [InlineData("$199 for the HydraFacial, $140 for the Signature Facial.")]
    [InlineData("HydraFacial: Limpia, extrae e hidrata. El precio es $199. Facial Signature: Limpieza y mascarilla. El precio es $140.")]
    [InlineData("Masaje sueco (90 min): El masaje relajante de cuerpo entero. El precio es $175.")]
    [InlineData("Botox starts at $14 per unit; your injector will plan the amount at your consultation.")]
    [InlineData("The Swedish Massage (90 min) is $175.")]
    [InlineData("Laser hair removal starts at 150 dollars, depending on the area.")]
    [InlineData("Refer a friend and you both receive $25 toward your next service once they complete their first visit.")]
    [InlineData("Please give us 24 hours' notice to cancel or reschedule; later cancellations and no-shows are charged 50% of the service price.")]
    [InlineData("Shave the area the day before, avoid sun tanning and self-tanner for two weeks, and skip waxing for four weeks before your visit.")]
    [InlineData("You're booked for a HydraFacial on Wednesday, November 25 at 2:00 PM with Priya. See you then!")]
    [InlineData("I'm 100 percent sure we have an opening at 3.")]
    public void A_draft_with_list_prices_and_the_spas_own_wording_is_left_alone(string draft)
    {
        var screened = Screen.ScreenReply(draft, Template);
        Assert.Empty(screened.Findings);
        Assert.Equal(draft, screened.Text);
    }

    [Fact]
    public void Every_shipped_reply_passes_the_reply_screen_unchanged()
    {
        var values = new Dictionary<string, string>
        {
            ["spa"] = Demo.Spa.Name, ["service"] = "HydraFacial", ["name"] = "Ava", ["price"] = "$199", ["date"] = "Wednesday, November 25",
            ["time"] = "2:00 PM", ["provider"] = "Priya", ["location"] = "Mission District",
        };
        foreach (var name in Replies.Names)
        {
            var text = Replies.Render(name, values);
            var screened = Screen.ScreenReply(text, Template);
            Assert.True(screened.Findings.Count == 0, $"{name}: {string.Join(", ", screened.Findings)} in \"{text}\"");
        }
    }

    [Fact]
    public void A_card_number_in_a_draft_is_redacted()
    {
        var screened = Screen.ScreenReply("Your card 4111 1111 1111 1111 is on file.", Template);
        Assert.Contains("card_number", screened.Findings);
        Assert.DoesNotContain("4111", screened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Treatment_words_come_from_the_profile_and_the_rules()
    {
        Assert.True(Screen.NamesTreatment(SafetyScreen.Normalize("after my HydraFacial")));
        Assert.True(Screen.NamesTreatment(SafetyScreen.Normalize("after the tox")));
        Assert.True(Screen.NamesTreatment(SafetyScreen.Normalize("after my injections")));
        Assert.False(Screen.NamesTreatment(SafetyScreen.Normalize("after the party")));
    }
    [Theory]
    [InlineData("my skin went kind of grey and blotchy next to where I got filler yesterday and it really hurts")]
    [InlineData("there's a white patch above my lip since my filler this morning and it's super painful")]
    [InlineData("the tip of my nose is looking dusky bluish after the filler yesterday")]
    [InlineData("severe swelling in my lips after filler last night, they're like triple the size")]
    [InlineData("since my filler appointment I've got double vision in my left eye")]
    [InlineData("had a peel on saturday and now the redness is spreading down my neck and I've got a fever of 101")]
    [InlineData("hi um I had filler on Monday and my lip is like really swollen and it's kind of purple is that normal")]
    [InlineData("got my lips done tuesday and theyre sorta blue on one side")]
    public void Complications_after_treatments_are_emergencies(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("emergency", finding.Category?.Name);
        Assert.Equal("urgent", finding.Urgency);
    }

    [Theory]
    [InlineData("a bit of redness after my facial yesterday, is that normal?")]
    [InlineData("my lips are a little swollen after filler")]
    public void Ordinary_after_effects_are_medical_not_emergencies(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("I'm on doxycycline", "photosensitizing-medication")]
    [InlineData("I take eliquis btw", "blood-thinners")]
    [InlineData("I'm 24 weeks pregnant", "pregnancy")]
    public void A_stated_condition_or_medicine_is_the_profiles_tag(string text, string tag) =>
        Assert.Contains(tag, Screen.ScreenInbound(text).StatedConditions);

    [Fact]
    public void A_friends_pregnancy_is_not_the_persons_condition()
    {
        var finding = Screen.ScreenInbound("my best friend just found out she's pregnant so I'm treating myself to a massage");
        Assert.Empty(finding.StatedConditions);
        Assert.True(finding.OthersOnly);
        // Round 16: her clause set aside, the speaker's own request says nothing medical (it had been medical, condition only).
        Assert.Null(finding.Category);
    }

    [Fact]
    public void A_condition_stated_with_a_booking_is_condition_only_but_a_safety_question_is_not()
    {
        Assert.True(Screen.ScreenInbound("I'm 24 weeks pregnant, can I book a swedish massage tuesday?").ConditionOnly);
        Assert.False(Screen.ScreenInbound("is it safe to get a massage while pregnant?").ConditionOnly);
        // Round 16: beside a service made for it, the pregnancy is not a question at all; the tools still see it.
        var madeFor = Screen.ScreenInbound("I'm 24 weeks pregnant, can I book a prenatal massage tuesday?");
        Assert.Null(madeFor.Category);
        Assert.Contains("pregnancy", madeFor.StatedConditions);
        Assert.Equal("medical", Screen.ScreenInbound("I'm 24 weeks pregnant, is a prenatal massage safe for me?").Category?.Name);
    }

    [Theory]
    [InlineData("wait, are you a human?")]
    [InlineData("am I talking to a real person right now?")]
    [InlineData("r u a bot lol")]
    [InlineData("is this an automated thing or a human?")]
    [InlineData("am i speaking with someone real?")]
    [InlineData("how do i know if you're a real person lol")]
    [InlineData("do you know whether you are a human or a computer")]
    [InlineData("¿estoy hablando con alguien real?")]
    public void Asking_whether_this_is_a_person_gets_the_disclosure_not_a_hand_off(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.True(finding.AsksIfHuman);
        Assert.Null(finding.Category);
    }

    [Theory]
    [InlineData("are you a bot? let me talk to a real person")]
    [InlineData("can I speak with whoever is in charge")]
    [InlineData("honestly can you just put me through to somebody who actually works there")]
    [InlineData("i want to talk to a real person please")]
    [InlineData("can i talk to someone real")]
    public void Asking_for_a_person_hands_off(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("human_request", finding.Category?.Name);
        Assert.False(finding.AsksIfHuman);
    }

    [Theory]
    [InlineData("ugh just book it anyway, it's fine", true)]
    [InlineData("I'll take the risk", true)]
    [InlineData("ok the consultation then", false)]
    public void Insisting_is_recognised(string text, bool insists) =>
        Assert.Equal(insists, Screen.ScreenInbound(text).Insists);

    [Theory]
    [InlineData("can i take pto from march 4 to march 6")]
    [InlineData("which bus should i take to get to the statue of liberty")]
    [InlineData("should i take a different route to work")]
    [InlineData("what would four inches be in centimeters")]
    [InlineData("weather in costa mesa")]
    [InlineData("are my tires under-inflated")]
    [InlineData("how many carry ons can i take on my flight to denver")]
    [InlineData("any good reviews of the chipotle near you")]
    public void Everyday_words_are_not_medical(string text) => Assert.NotEqual("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("can i take ibuprofen before botox")]
    [InlineData("which medication should i take after my peel")]
    [InlineData("should i take my antibiotics before the laser")]
    [InlineData("how many pills can i take before my filler")]
    [InlineData("me salio un chipote despues del botox")]
    [InlineData("tengo la cara inchada despues del relleno")]
    [InlineData("estoy embarasada, puedo hacerme un facial?")]
    public void A_medicine_taken_and_spanish_typos_are_still_medical(string text) => Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("can you freeze my account")]
    [InlineData("do you know why my account is blocked")]
    [InlineData("i need to change my pin number for my account")]
    [InlineData("what's the credit limit on my account")]
    [InlineData("whats the expiration date on my credit card")]
    public void A_bank_accounts_matters_are_not_the_spas(string text) => Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("i want to delete my account")]
    [InlineData("someone got into my account and booked appointments")]
    [InlineData("my account password isnt working")]
    public void The_persons_account_with_the_spa_is_still_sensitive(string text) => Assert.Equal("sensitive", Screen.ScreenInbound(text).Category?.Name);

    // Round 13: everyday requests of a phone assistant the rules read as the spa's (the lead's probes and CLINC's train rows
    // of its near-miss intents), and what must still be caught beside each.
    [Theory]
    [InlineData("how many calories do you burn on a 3 mile run")]
    [InlineData("whats the best cardio to burn fat")]
    [InlineData("is it safe to drive in the snow with all season tires")]
    [InlineData("is it safe to leave my laptop in a hot car")]
    [InlineData("is it safe to travel to mexico city right now")]
    [InlineData("remind me to take my meds at 9 tonight")]
    [InlineData("set a reminder to give the dog his heartworm medicine")]
    [InlineData("i need to give my cat her flea medicine")]
    public void Calories_a_car_a_trip_or_a_pets_medicine_are_not_medical(string text) =>
        Assert.NotEqual("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("i burned my cheek with the curling iron, can i still get my facial")]
    [InlineData("there's a burning feeling where they did the laser")]
    [InlineData("is it safe to drive after?")]
    [InlineData("is it safe to drive?")]
    [InlineData("is it safe to travel")]
    [InlineData("is it safe to drive home after my botox")]
    [InlineData("is it safe to fly while pregnant")]
    [InlineData("is it safe?")]
    [InlineData("is it safe to go in the sun tomorrow")]
    [InlineData("i take blood pressure medicine, is that a problem")]
    [InlineData("can i get a massage if im on meds for anxiety")]
    public void A_burn_safety_and_the_persons_medicine_are_still_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("does luigi's take reservations")]
    [InlineData("do you know if applebee's accepts reservations on sundays")]
    [InlineData("set a reminder for my doctor's appointment on the 3rd")]
    [InlineData("remind me when my meeting is scheduled with roger")]
    public void A_restaurant_that_takes_reservations_or_a_doctors_appointment_is_not_someone_elses_booking(string text) =>
        Assert.NotEqual("escalation_other_person", Screen.ScreenInbound(text).Reply);

    [Theory]
    [InlineData("what time is ben carter's appointment")]
    [InlineData("is my husband booked for friday")]
    [InlineData("when is my sister's reservation")]
    [InlineData("can you tell me if jane is coming in today")]
    public void Someone_elses_booking_is_still_private(string text) =>
        Assert.Equal("escalation_other_person", Screen.ScreenInbound(text).Reply);

    [Theory]
    [InlineData("somebody hacked my facebook")]
    [InlineData("can you connect me with a real estate agent")]
    [InlineData("is there an operator for international calls")]
    [InlineData("can i get my money back on a nonrefundable plane ticket")]
    [InlineData("i want a refund on my concert tickets")]
    public void Another_business_or_account_is_not_the_teams(string text) => Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("someone hacked my account with you guys", "sensitive")]
    [InlineData("i want a refund for my facial", "pricing")]
    [InlineData("can i talk to the manager", "human_request")]
    public void The_spas_own_matters_still_go_to_the_team(string text, string category) =>
        Assert.Equal(category, Screen.ScreenInbound(text).Category?.Name);
    // Round 14: caring for a burn or a rash oneself is medical advice (it was offered IPL, or answered with the laser's
    // preparation); a burnt pan and a driver's license appointment are nobody's health or booking.
    [Theory]
    [InlineData("how do i treat a sunburn at home")]
    [InlineData("what should i put on a sunburn")]
    [InlineData("how do i take care of my skin after a sunburn")]
    [InlineData("how can i soothe the rash on my neck")]
    [InlineData("whats a good home remedy for bug bites")]
    public void Caring_for_a_burn_or_a_rash_oneself_is_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("how do you fix a burnt pan")]
    [InlineData("the rice burned again lol")]
    [InlineData("can you burn a cd for me")]
    [InlineData("how can i treat myself this weekend")]
    public void A_burnt_pan_or_a_treat_is_not_medical(string text) =>
        Assert.NotEqual("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("how do i renew my driver's license appointment")]
    [InlineData("when is my dog's appointment at the groomer")]
    public void A_license_or_a_pets_appointment_is_not_someone_elses_booking(string text) =>
        Assert.NotEqual("escalation_other_person", Screen.ScreenInbound(text).Reply);
    [Theory]
    [InlineData("cual es el facial mas barato q tienen?")]
    [InlineData("quiero el mas barato")]
    public void The_cheapest_on_the_menu_asked_about_in_spanish_is_not_a_price_request(string text) =>
        Assert.NotEqual("pricing", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("me lo dejas mas barato?")]
    [InlineData("hay algo mas barato")]
    public void A_lower_price_asked_for_in_spanish_is_still_pricing(string text) =>
        Assert.Equal("pricing", Screen.ScreenInbound(text).Category?.Name);

    // Round 15: "can I still get …" at the start of a message is a question of room until health was raised (the agent
    // decides that from the conversation); inside a message about a treatment the person had, it is a clinician's.
    [Theory]
    [InlineData("ok can i still get a dermaplaning wednesday")]
    [InlineData("ok todavia puedo agendar un dermaplaning el miercoles?")]
    [InlineData("can i still get in tomorrow for a massage")]
    [InlineData("so can I still book a facial for saturday?")]
    public void Can_i_still_at_the_start_is_medical_only_as_a_follow_up(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("medical", finding.Category?.Name);
        Assert.True(finding.FollowUpOnly);
    }

    [Theory]
    [InlineData("i had botox monday, can i still get a facial wednesday?")]
    [InlineData("can i still get a facial on friday if im on accutane")]
    [InlineData("can i still get lip filler if my lips are swollen")]
    public void Can_i_still_beside_a_treatment_had_or_a_condition_is_medical_outright(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Equal("medical", finding.Category?.Name);
        Assert.False(finding.FollowUpOnly);
    }

    [Theory]
    [InlineData("my sister has a clotting disorder lol but the lip filler is for me, tuesday?")]
    [InlineData("my husband has epilepsy, but i want botox on friday")]
    [InlineData("mi hermana tiene un trastorno de coagulacion pero el relleno de labios es para mi, el martes?")]
    public void Someone_elses_condition_beside_the_speakers_own_request_is_not_the_speakers(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Null(finding.Category);
        Assert.Empty(finding.StatedConditions);
    }

    [Theory]
    [InlineData("my sister has a clotting disorder, can she get lip filler tuesday?")]
    [InlineData("i have a clotting disorder like my sister, can i get lip filler tuesday")]
    [InlineData("my mom has a heart condition and i want to book her a massage friday")]
    [InlineData("my friend has epilepsy. is botox safe for me?")]
    [InlineData("mi hermana tiene un trastorno de coagulacion, ella puede ponerse relleno de labios?")]
    public void A_condition_of_the_person_being_treated_stays_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    // Round 15: skin still red, raw or peeling after a treatment is a reaction for a clinician, in either language; a
    // condition of the person's own said out of the blue too. Soreness from the gym beside a massage is not.
    [Theory]
    [InlineData("my face is still red from the peel on monday")]
    [InlineData("my skin is peeling from the laser last week")]
    [InlineData("i have a clotting disorder")]
    [InlineData("tengo la cara roja todavia despues del peeling")]
    [InlineData("sigo con la cara roja del peeling del lunes")]
    [InlineData("tengo un trastorno de coagulacion")]
    public void Skin_still_red_after_a_treatment_or_a_disorder_of_ones_own_is_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("i have a sore back from work, deep tissue friday?")]
    [InlineData("me puse roja de verguenza jaja, quiero un masaje")]
    [InlineData("quiero un facial para la piel rojiza")]
    public void A_sore_back_or_a_blush_beside_a_request_is_not_medical(string text) =>
        Assert.Null(Screen.ScreenInbound(text).Category);

    // Round 15: "a pain" as a nuisance is not pain of the body; pain in a part of the body, or asked about, still is.
    [Theory]
    [InlineData("can someone just call me instead? texting is a pain")]
    [InlineData("it's such a pain to park there")]
    [InlineData("parking is a pain in the butt")]
    public void A_pain_as_a_nuisance_is_not_medical(string text) =>
        Assert.NotEqual("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("there is a pain in my cheek since the filler")]
    [InlineData("is pain normal after filler")]
    [InlineData("i'm in so much pain")]
    [InlineData("my neck pain is back after the massage")]
    public void Pain_of_the_body_is_still_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("can someone just call me instead? texting is a pain")]
    [InlineData("could one of you give me a call")]
    public void Someone_asked_to_call_is_a_person_asked_for(string text) =>
        Assert.Equal("human_request", Screen.ScreenInbound(text).Category?.Name);
    // Round 16: health said the way people say it is a clinician's, in either language (these had been out of scope, or
    // offered times): a device, a blood pressure, a skin condition, a steroid shot, a medicine asked about, more filler soon.
    [Theory]
    [InlineData("i have a pacemaker, is the body contouring thing ok")]
    [InlineData("my blood pressure runs really high, is hot stone fine")]
    [InlineData("is microneedling ok if i have rosacea flares")]
    [InlineData("had a cortisone shot in my shoulder last week, deep tissue ok?")]
    [InlineData("i take lithium, does that matter for laser")]
    [InlineData("im on eliquis, can i still do microneedling")]
    [InlineData("i just got my lips done somewhere else 2 weeks ago, can i get more filler")]
    [InlineData("8 weeks along!! can i get a massage still")]
    [InlineData("tengo la presion muy alta, puedo hacerme un masaje con piedras calientes?")]
    [InlineData("tomo litio, eso afecta para el laser?")]
    [InlineData("tengo rosacea, el microneedling esta bien para mi?")]
    public void Health_in_real_words_is_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("8 weeks along, book me a swedish massage friday", "pregnancy")]
    [InlineData("we're expecting in march! facial saturday?", "pregnancy")]
    [InlineData("uso tretinoina, quiero un peeling quimico el lunes", "topical-retinoid")]
    public void A_condition_in_other_words_is_stated_for_the_tools(string text, string concept) =>
        Assert.Contains(Screen.ScreenInbound(text).StatedConditions, c => FrontDesk.Tools.Safety.HealthConcepts.Matches(c, concept));

    [Theory]
    [InlineData("im expecting a call from my boss")]
    [InlineData("me duele la espalda de tanto trabajar, tienen masaje el viernes")]
    [InlineData("tuve un dia pesimo, me urge un masaje")]
    public void Expecting_a_call_tanto_or_a_bad_day_states_no_condition_and_is_no_complaint(string text)
    {
        var finding = Screen.ScreenInbound(text);
        Assert.Null(finding.Category);
        Assert.Empty(finding.StatedConditions);
    }

    // Round 16: an ache with an everyday cause beside a massage is a booking in either language; an ache after a treatment,
    // or anything else medical beside the everyday ache, is still a clinician's.
    [Theory]
    [InlineData("my back hurts from sitting at a desk all day, massage friday?")]
    [InlineData("my necks been hurting from sleeping funny, can i get a deep tissue tmrw")]
    [InlineData("me duele todo el cuerpo del gimnasio, quiero un masaje profundo")]
    public void An_everyday_ache_is_not_medical(string text) =>
        Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("my back hurts since the massage on friday")]
    [InlineData("my neck hurts from the deep tissue yesterday")]
    [InlineData("my face hurts from the filler after work")]
    [InlineData("my back hurts from work and my lip is swollen after the filler")]
    [InlineData("me duele la espalda desde el masaje del viernes")]
    public void An_ache_after_a_treatment_is_still_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    // Round 16: someone else's pregnancy or illness beside a gift, or a service made for it, is not a question for a clinician;
    // a treatment booked for the person who has it still is.
    [Theory]
    [InlineData("my friend is pregnant, can i get a facial")]
    [InlineData("my mom just finished chemo so i want to get her a gift card")]
    [InlineData("mi mama acaba de terminar la quimio y le quiero regalar una tarjeta de regalo")]
    [InlineData("my wife is pregnant, i want to gift her a prenatal massage")]
    public void Someone_elses_condition_beside_a_gift_or_the_speakers_request_is_not_medical(string text) =>
        Assert.Null(Screen.ScreenInbound(text).Category);

    [Theory]
    [InlineData("my wife is pregnant, can i book her a swedish massage")]
    [InlineData("my mom just finished chemo, can she get a facial friday")]
    public void Someone_elses_condition_and_a_treatment_for_them_is_still_medical(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);
}
