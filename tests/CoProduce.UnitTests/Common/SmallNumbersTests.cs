using CoProduce.Web.Domain.Common;

namespace CoProduce.UnitTests.Common;

public class SmallNumbersTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "fewer than 5")]
    [InlineData(4, "fewer than 5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1,234")]
    public void Describe_HidesOneToFour(int count, string expected) => Assert.Equal(expected, SmallNumbers.Describe(count));
}
