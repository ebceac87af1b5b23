namespace CoProduce.Web.Domain.Payments;

/// <summary>Something wrong with bank details a person typed, with the field it belongs to.</summary>
public sealed record BankDetailsProblem(string Field, string Message);

/// <summary>
/// A UK bank account to pay into: the name on the account, a 6-digit sort code and an 8-digit
/// account number. Spaces and dashes people type are ignored. Only the person and finance ever
/// read these; they are kept encrypted and shown masked (<see cref="MaskedAccountNumber"/>).
/// </summary>
public sealed record BankDetails
{
    public const int AccountNameMaxLength = 70;

    private BankDetails(string accountName, string sortCode, string accountNumber) =>
        (AccountName, SortCode, AccountNumber) = (accountName, sortCode, accountNumber);

    public string AccountName { get; }

    /// <summary>Six digits, no dashes.</summary>
    public string SortCode { get; }

    /// <summary>Eight digits.</summary>
    public string AccountNumber { get; }

    /// <summary>"12-34-56", as people write it.</summary>
    public string SortCodeForDisplay => $"{SortCode[..2]}-{SortCode[2..4]}-{SortCode[4..]}";

    /// <summary>"****5678": enough for the person to recognise their account, not enough to use it.</summary>
    public string MaskedAccountNumber => "****" + AccountNumber[^4..];

    /// <summary>"**-**-56".</summary>
    public string MaskedSortCode => "**-**-" + SortCode[4..];

    public static IReadOnlyList<BankDetailsProblem> Check(string? accountName, string? sortCode, string? accountNumber)
    {
        var problems = new List<BankDetailsProblem>();
        var name = accountName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            problems.Add(new(nameof(AccountName), "Enter the name on the account"));
        }
        else if (name.Length > AccountNameMaxLength)
        {
            problems.Add(new(nameof(AccountName), $"Name on the account must be {AccountNameMaxLength} characters or fewer"));
        }
        var sort = DigitsOnly(sortCode);
        if (sort.Length == 0)
        {
            problems.Add(new(nameof(SortCode), "Enter a sort code"));
        }
        else if (sort.Length != 6 || !sort.All(char.IsAsciiDigit))
        {
            problems.Add(new(nameof(SortCode), "Enter a valid sort code like 30-94-57"));
        }
        var number = DigitsOnly(accountNumber);
        if (number.Length == 0)
        {
            problems.Add(new(nameof(AccountNumber), "Enter an account number"));
        }
        else if (!number.All(char.IsAsciiDigit))
        {
            problems.Add(new(nameof(AccountNumber), "Enter a valid account number like 00733445"));
        }
        else if (number.Length is < 6 or > 8)
        {
            problems.Add(new(nameof(AccountNumber), "Account number must be between 6 and 8 digits"));
        }
        return problems;
    }

    /// <summary>Checked bank details; refuses them with every problem found.</summary>
    public static BankDetails Create(string? accountName, string? sortCode, string? accountNumber)
    {
        var problems = Check(accountName, sortCode, accountNumber);
        if (problems.Count > 0)
        {
            throw new PaymentRuleException(string.Join(". ", problems.Select(p => p.Message)) + ".");
        }
        // Some banks give 6 or 7 digits; payment systems take 8, padded with zeros in front.
        return new BankDetails(accountName!.Trim(), DigitsOnly(sortCode), DigitsOnly(accountNumber).PadLeft(8, '0'));
    }

    private static string DigitsOnly(string? text) =>
        new((text ?? string.Empty).Where(c => c is not (' ' or '-' or '\u2013')).ToArray());
}
