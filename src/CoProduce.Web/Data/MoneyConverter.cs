using CoProduce.Web.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduce.Web.Data;

/// <summary>
/// Stores <see cref="Money"/> as whole pence in an integer column (INTEGER on SQLite, bigint on
/// SQL Server), so that either database can add it up, compare it and sort it. Name the column
/// "…Pence" so that anyone reading the table knows the unit.
/// </summary>
internal sealed class MoneyConverter() : ValueConverter<Money, long>(
    money => money.Pence,
    pence => Money.FromPence(pence));
