using System.Reflection;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// The payment entities can be mapped by the data layer as they are, and changed only through
/// their own methods: a private constructor for loading, an Id the database gives, no public setters.
/// </summary>
public sealed class PaymentEntityShapeTests
{
    public static TheoryData<Type> Entities => new() { typeof(Claim), typeof(ExpenseLine), typeof(ClaimDecision), typeof(PaymentBatch), typeof(PaymentBatchLine) };

    [Theory]
    [MemberData(nameof(Entities))]
    public void Entity_IsMappableAndClosed(Type entity)
    {
        const BindingFlags instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

        Assert.NotNull(entity.GetConstructor(instance, Type.EmptyTypes));
        Assert.False(entity.GetConstructor(instance, Type.EmptyTypes)!.IsPublic);
        // Owned rows (lines, decisions) are keyed by their owner and number, so they have no Id.
        Assert.False(entity.GetProperty("Id")?.SetMethod?.IsPublic ?? false);
        // Only the concurrency token is set from outside, by the data layer.
        Assert.Equal(
            entity.GetInterfaces().Any(i => i.Name == "IConcurrencyVersioned") ? ["Version"] : [],
            entity.GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name));
    }

    [Fact]
    public void LinesAndDecisions_AreMadeOnlyByTheirClaim()
    {
        Assert.Empty(typeof(ExpenseLine).GetConstructors());
        Assert.Empty(typeof(ClaimDecision).GetConstructors());
        Assert.Empty(typeof(PaymentBatchLine).GetConstructors());
    }
}
