using CoProduce.Web.Domain.Common;

namespace CoProduce.UnitTests;

/// <summary>Amounts in tests, written as pounds: Pounds(650_000m).</summary>
internal static class TestMoney
{
    public static Money Pounds(decimal pounds) => Money.FromPounds(pounds);
}
