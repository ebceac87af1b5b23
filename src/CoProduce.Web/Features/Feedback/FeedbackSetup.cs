namespace CoProduce.Web.Features.Feedback;

/// <summary>The services of the feedback, themes and "you said, we did" pages.</summary>
public static class FeedbackSetup
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<YouSaidWeDidService>();
        services.AddScoped<YouSaidWeDidPages>();
        services.AddScoped<YouSaidWeDidNotifier>();
        services.AddScoped<EasyRead.Documents.YouSaidWeDidSource>();
        services.AddScoped<EasyRead.IAttachableDocument>(provider => provider.GetRequiredService<EasyRead.Documents.YouSaidWeDidSource>());
        return services;
    }
}
