package dev.car.adapters.cli.output;

import dev.car.application.destination.DestinationView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON and text shapes of {@code car hub destination show|set}. */
public final class DestinationOutput {
    private DestinationOutput() {
    }

    public static Map<String, Object> showJson(DestinationView view) {
        Map<String, Object> json = setJson(view);
        json.put("kind", view.kind().wireName());
        json.put("worktree_of", view.worktreeOf());
        return json;
    }

    public static Map<String, Object> setJson(DestinationView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repo_id", view.repoId());
        json.put("configured_destination", view.configured());
        json.put("effective_destination", view.effective().toMap());
        json.put("source", view.source().wireName());
        json.put("issues", view.issues());
        return json;
    }

    public static String showText(DestinationView view) {
        StringBuilder out = new StringBuilder();
        out.append(view.repoId()).append(" kind=").append(view.kind().wireName());
        if (view.worktreeOf() != null && !view.worktreeOf().isEmpty()) {
            out.append(" worktree_of=").append(view.worktreeOf());
        }
        out.append('\n');
        out.append("destination source=").append(view.source().wireName()).append(":\n");
        out.append(Json.pretty(view.effective().toMap(), true)).append('\n');
        for (String issue : view.issues()) {
            out.append("issue: ").append(issue).append('\n');
        }
        return out.toString();
    }

    public static String setText(DestinationView view) {
        return "destination: " + view.repoId() + " -> " + view.effective().kind()
                + " (source=" + view.source().wireName() + ")\n";
    }
}
