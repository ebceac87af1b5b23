using System.Collections.Concurrent;
using System.Data.Common;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduce.IntegrationTests;

/// <summary>
/// Records every SQL command EF Core sends while a recording is open: for one HTTP request
/// (see <see cref="SqlCommandCounting.CountCommandsAsync"/>) or for a block of test code
/// (<see cref="Record"/>). A recording follows the async flow that opened it, so requests
/// running at the same time never count each other's commands.
/// </summary>
public sealed class SqlCommandRecorder : DbCommandInterceptor
{
    private static readonly AsyncLocal<ConcurrentQueue<string>?> Current = new();

    /// <summary>Records the commands sent until the returned recording is disposed.</summary>
    public static SqlRecording Record()
    {
        var recording = new SqlRecording(Current.Value);
        Current.Value = recording.Commands;
        return recording;
    }

    private static void Add(DbCommand command) => Current.Value?.Enqueue(command.CommandText);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>The SQL sent while it was open, in order.</summary>
    public sealed class SqlRecording(ConcurrentQueue<string>? outer) : IDisposable
    {
        internal ConcurrentQueue<string> Commands { get; } = new();

        public IReadOnlyList<string> Sql => [.. Commands];

        public void Dispose() => Current.Value = outer;
    }
}

/// <summary>Counting the SQL commands of one HTTP request to the test host.</summary>
public static class SqlCommandCounting
{
    /// <summary>The request header that asks for a request's commands to be recorded, with an id to find them by.</summary>
    public const string Header = "X-Test-Record-Sql";

    private static readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyList<string>>> Finished = new();

    /// <summary>Adds the recorder to the app's database context and a middleware that records each request that asks.</summary>
    public static IServiceCollection AddSqlCommandCounting(this IServiceCollection services)
    {
        services.AddSingleton<SqlCommandRecorder>();
        services.ConfigureDbContext<SqliteCoProduceDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<SqlCommandRecorder>()));
        services.AddTransient<IStartupFilter, RecordRequestsFilter>();
        return services;
    }

    /// <summary>Loads the page as the client and returns the SQL its request sent. Fails unless the page answers 200.</summary>
    public static async Task<IReadOnlyList<string>> RecordCommandsAsync(this HttpClient client, string url)
    {
        var id = Guid.NewGuid().ToString("N");
        var finished = Finished.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Add(Header, id);
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
            return await finished.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Finished.TryRemove(id, out _);
        }
    }

    /// <summary>How many SQL commands the page's request sent.</summary>
    public static async Task<int> CountCommandsAsync(this HttpClient client, string url) =>
        (await client.RecordCommandsAsync(url)).Count;

    /// <summary>First in the pipeline, so that everything the request does is inside the recording.</summary>
    private sealed class RecordRequestsFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers[Header].ToString() is not { Length: > 0 } id || !Finished.TryGetValue(id, out var finished))
                {
                    await nextMiddleware(context);
                    return;
                }
                using var recording = SqlCommandRecorder.Record();
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    finished.TrySetResult(recording.Sql);
                }
            });
            next(app);
        };
    }
}
