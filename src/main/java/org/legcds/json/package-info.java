/** JSON at the edges: reading case files (every problem reported at once) and writing assessments. */
package org.legcds.json;
