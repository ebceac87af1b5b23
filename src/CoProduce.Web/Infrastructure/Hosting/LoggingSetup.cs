namespace CoProduce.Web.Infrastructure.Hosting;

internal static class LoggingSetup
{
    /// <summary>Readable console logs while developing; one JSON object per line everywhere else.</summary>
    public static void AddCoProduceLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
    }
}
