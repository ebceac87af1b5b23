using System.Reflection;
using CoProduce.Web.Domain.Commissioning;

namespace CoProduce.UnitTests;

/// <summary>Domain classes are plain C#: nothing in Domain may depend on ASP.NET Core or EF Core.</summary>
public sealed class DomainPurityTests
{
    private static readonly string[] Forbidden = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"];

    [Fact]
    public void DomainTypes_ReferenceNoWebOrDatabaseTypes()
    {
        var domainTypes = typeof(CommissioningProject).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("CoProduce.Web.Domain", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(domainTypes);

        var offences = domainTypes
            .SelectMany(type => ReferencedTypes(type).Where(IsForbidden).Select(r => $"{type.FullName} uses {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(offences.Count == 0, string.Join('\n', offences));
    }

    [Fact]
    public void PurityCheck_WouldCatchAnEfReference()
    {
        // The check itself must be able to fail: a type from EF Core is forbidden.
        Assert.True(IsForbidden(typeof(Microsoft.EntityFrameworkCore.DbContext)));
        Assert.True(IsForbidden(typeof(Microsoft.AspNetCore.Http.HttpContext)));
        Assert.False(IsForbidden(typeof(decimal)));
    }

    private static bool IsForbidden(Type type) =>
        Forbidden.Any(prefix => type.Namespace?.StartsWith(prefix, StringComparison.Ordinal) == true)
        || (type.IsGenericType && type.GetGenericArguments().Any(IsForbidden));

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }
        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }
        foreach (var attribute in type.GetCustomAttributes(inherit: false))
        {
            yield return attribute.GetType();
        }
        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }
        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
            foreach (var attribute in property.GetCustomAttributes(inherit: false))
            {
                yield return attribute.GetType();
            }
        }
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }
}
