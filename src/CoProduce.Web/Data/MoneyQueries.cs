using System.Linq.Expressions;
using CoProduce.Web.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Data;

/// <summary>
/// Money in queries. Comparing and sorting need nothing special:
/// <c>Where(p =&gt; p.EstimatedValue &gt; Money.FromPounds(500_000))</c> and
/// <c>OrderBy(p =&gt; p.EstimatedValue)</c> run on the pence column. Adding up needs this, because
/// EF Core cannot read <see cref="Money.Pence"/> inside a query.
/// </summary>
public static class MoneyQueries
{
    /// <summary>The database adds up the amounts (in pence, exactly); £0 when there are none.</summary>
    public static async Task<Money> SumMoneyAsync<T>(this IQueryable<T> source, Expression<Func<T, Money>> amount, CancellationToken cancellationToken = default) =>
        Money.FromPence(await source.SumAsync(Pence(amount), cancellationToken));

    /// <summary>
    /// The amount's column as whole pence, for the database to add up. EF Core reads the cast
    /// through object as the stored column itself; it works only inside a query.
    /// </summary>
    public static Expression<Func<T, long>> Pence<T>(Expression<Func<T, Money>> amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return Expression.Lambda<Func<T, long>>(Expression.Convert(Expression.Convert(amount.Body, typeof(object)), typeof(long)), amount.Parameters);
    }
}
