using System.Reflection;
using CoProduce.Web.Domain.Activities;

namespace CoProduce.UnitTests.Activities;

public sealed class SignUpTests
{
    [Fact]
    public void SignUp_CanOnlyBeChangedThroughItsActivity()
    {
        // Every change is internal to the domain and made by Activity, whose concurrency token
        // guards them all; the one public method only reads.
        const BindingFlags everyPublicMember = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        var methods = typeof(SignUp).GetMethods(everyPublicMember).Where(m => !m.IsSpecialName).Select(m => m.Name);
        var setters = typeof(SignUp).GetProperties(everyPublicMember).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name);

        Assert.Equal(new[] { nameof(SignUp.NeedsReminderFor) }, methods);
        Assert.Empty(setters);
        Assert.Empty(typeof(SignUp).GetConstructors());
    }
}
