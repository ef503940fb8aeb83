using FrontDesk.Tools.Faq;

namespace FrontDesk.Tools.Tests.Faq;

public sealed class PaymentQuestionTests
{
    [Theory]
    [InlineData("I have a gift card, can I use it for a massage?", "can I pay with a gift card?")]
    [InlineData("got a gift certificate for my bday, does it work for botox?", "can I pay with a gift card?")]
    [InlineData("do you take gift cards for massages", "can I pay with a gift card?")]
    [InlineData("can i put my voucher towards a facial", "can I pay with a gift card?")]
    [InlineData("can i use my hsa for laser", "can I pay with hsa?")]
    public void Paying_for_a_service_with_a_means_of_payment_is_asked_as_paying_with_it(string question, string head) =>
        Assert.Equal(head, PaymentQuestion.Head(question));

    [Theory]
    [InlineData("do you sell gift cards for massages")]
    [InlineData("can i buy a gift card for my mom's facial")]
    [InlineData("do you have gift cards")]
    [InlineData("can i use numbing cream for a facial")]
    [InlineData("what is the price for a massage")]
    public void Buying_a_gift_card_or_using_something_else_is_left_as_asked(string question) => Assert.Null(PaymentQuestion.Head(question));
}
