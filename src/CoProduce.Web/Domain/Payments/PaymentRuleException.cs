namespace CoProduce.Web.Domain.Payments;

/// <summary>Something the rules of payments do not allow, in words a person can act on.</summary>
public sealed class PaymentRuleException(string message) : InvalidOperationException(message);
