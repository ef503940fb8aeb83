using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>Two made-up businesses; nothing in the production code knows any of these words.</summary>
internal static class TestVocabularies
{
    public static readonly DateOnly Sunday = new(2026, 11, 22);
    public static readonly DateOnly Wednesday = new(2026, 11, 25);

    /// <summary>A small menu (a facial, a Swedish massage, one provider, one place) for the understanding rounds' tests.</summary>
    public static SpaVocabulary FacialAndSwedish { get; } = new(
        [
            new ServiceTerm("signature-facial", "Signature Facial", ["facial"], "facial"),
            new ServiceTerm("swedish-60", "Swedish Massage (60 min)", ["swedish"], "massage"),
        ],
        [new PersonTerm("maya", "Maya Chen")],
        [new PlaceTerm("mission", "Mission District")]);

    public static SpaVocabulary MedSpa { get; } = new(
        [
            new ServiceTerm("swedish-60", "Swedish Massage (60 min)", ["swedish", "relaxation massage"], "massage"),
            new ServiceTerm("swedish-90", "Swedish Massage (90 min)", ["swedish"], "massage"),
            new ServiceTerm("deep-tissue-60", "Deep Tissue Massage (60 min)", ["deep tissue"], "massage"),
            new ServiceTerm("hot-stone", "Hot Stone Massage", [], "massage", 75),
            new ServiceTerm("hydrafacial", "HydraFacial", ["hydra facial"], "facial"),
            new ServiceTerm("signature-facial", "Signature Facial", ["classic facial"], "facial"),
            new ServiceTerm("botox", "Botox", ["tox", "wrinkle relaxer"], "injectable"),
            new ServiceTerm("lip-filler", "Lip Filler", ["lip injections"], "injectable"),
            new ServiceTerm("laser-hair", "Laser Hair Removal", [], "laser"),
            new ServiceTerm("ipl", "IPL Photofacial", ["photofacial"], "laser"),
        ],
        [new PersonTerm("maya", "Maya Chen"), new PersonTerm("jordan", "Jordan Lee"), new PersonTerm("priya", "Priya Patel")],
        [new PlaceTerm("downtown", "Downtown"), new PlaceTerm("westside", "Westside")]);

    public static SpaVocabulary NailSalon { get; } = new(
        [
            new ServiceTerm("classic-mani", "Classic Manicure", ["mani"], "manicure"),
            new ServiceTerm("gel-mani", "Gel Manicure", ["gel nails", "shellac"], "manicure"),
            new ServiceTerm("classic-pedi", "Classic Pedicure", ["pedi"], "pedicure"),
            new ServiceTerm("spa-pedi", "Deluxe Spa Pedicure", ["deluxe pedi"], "pedicure"),
            new ServiceTerm("acrylic", "Acrylic Full Set", ["acrylics", "full set"], "enhancements"),
            new ServiceTerm("nail-art", "Nail Art", ["designs"], "add-on"),
        ],
        [
            new PersonTerm("kim-n", "Kim Nguyen"), new PersonTerm("kim-t", "Kim Tran"),
            new PersonTerm("will", "Will Harper"), new PersonTerm("lina", "Lina Park"),
        ],
        [new PlaceTerm("main-street", "Main Street"), new PlaceTerm("oak-plaza", "Oak Plaza")]);
}
